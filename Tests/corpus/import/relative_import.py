# relative imports inside packages
import sys
sys.path.insert(0, 'lib')
import pkg.sub
print(pkg.sub.helper.HELP)
print(pkg.sub.assist('relative'))
print(pkg.sub.PKG_CONST)
import pkg.nested.deep
print(pkg.nested.deep.helper is pkg.helper)
print(pkg.nested.deep.NESTED)
print(pkg.nested.deep.work())
import pkg2
print(pkg2.INIT_SEES)
print(pkg2.part.PART, pkg2.other.OTHER)
