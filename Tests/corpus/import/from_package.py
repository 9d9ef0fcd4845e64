# from package import submodule / name
import sys
sys.path.insert(0, 'lib')
from pkg import sub
print(sub.work())
from pkg import PKG_CONST, pkg_func
print(PKG_CONST, pkg_func())
from pkg.helper import assist, HELP
print(assist('direct'), HELP)
from pkg.nested import deep
print(deep.deep_info()[2])
from pkg.nested.deep import deep_info
print(deep_info() == deep.deep_info())
from pkg import nested
print(nested.NESTED)
try:
    from pkg import no_such_submodule
except ImportError:
    print('ImportError for missing submodule')
