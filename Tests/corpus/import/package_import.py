# importing packages with __init__.py
import sys
sys.path.insert(0, 'lib')
import pkg
print(pkg.PKG_CONST)
print(pkg.pkg_func())
import pkg.helper
print(pkg.helper.assist(1))
print(pkg.helper.HELP)
import pkg.sub
print(pkg.sub.work())
print(hasattr(pkg, 'sub'), hasattr(pkg, 'helper'))
import pkg
print('pkg' in sys.modules, 'pkg.sub' in sys.modules, 'pkg.helper' in sys.modules)
