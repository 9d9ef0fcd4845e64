# ImportError for missing modules
import sys
sys.path.insert(0, 'lib')
try:
    import no_such_module_here
except ImportError:
    print('ImportError')
try:
    import pkg.no_such_child
except ImportError:
    print('ImportError for missing submodule')
try:
    from mod_a import nothing_named_this
except ImportError:
    print('ImportError for missing name')
try:
    import no_such_module_here
except Exception as e:
    print('caught as Exception:', isinstance(e, ImportError))
print('no_such_module_here' in sys.modules)
def try_optional():
    try:
        import optional_dependency_xyz as dep
    except ImportError:
        dep = None
    return dep
print(try_optional())
print(issubclass(ImportError, Exception))
