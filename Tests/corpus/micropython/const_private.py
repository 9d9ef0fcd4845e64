# module-private constants (underscore prefix) are not stored in globals
from micropython import const
_PRIVATE = const(10)
PUBLIC = const(20)
print(_PRIVATE, PUBLIC, _PRIVATE + PUBLIC)
print('_PRIVATE' in globals())
print('PUBLIC' in globals())
def g():
    return _PRIVATE * 3
print(g())
