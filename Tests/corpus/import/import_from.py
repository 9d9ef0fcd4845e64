# from x import y
import sys
sys.path.insert(0, 'lib')
from mod_a import VALUE, func
print(VALUE)
print(func('x'))
from mod_a import Klass as K, bump as b
print(K().hello(), b())
from mod_a import counter
print(counter)
b()
print(counter)
import mod_a
print(mod_a.counter)
from mod_a import (
    VALUE as V2,
    func as f2,
)
print(V2 == VALUE, f2 is func)
try:
    from mod_a import does_not_exist
except ImportError:
    print('ImportError for missing name')
print('mod_a' in sys.modules)
def local_import():
    from mod_a import VALUE as local_value
    return local_value
print(local_import())
try:
    local_value
except NameError:
    print('function-level import is local')
