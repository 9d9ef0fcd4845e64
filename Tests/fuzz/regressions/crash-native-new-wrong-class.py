# A native class's __new__ called with something other than a subclass of it built an object
# with another type's layout (SIGSEGV in io's stream methods). Fuzz seed 41, input 128949.
import io, collections, framebuf, re
for cls in (io.BytesIO, io.StringIO, collections.deque, framebuf.FrameBuffer):
    for arg in ((), dict, int, 5, None):
        try:
            r = cls.__new__(arg)
            print(cls.__name__, 'made', type(r).__name__)
        except TypeError:
            print(cls.__name__, 'TypeError')
P = collections.namedtuple('P', 'x y')
for arg in ((), dict):
    try:
        P.__new__(arg, 1, 2)
    except TypeError:
        print('namedtuple TypeError')
class B(io.BytesIO):
    pass
b = B.__new__(B)
b.__init__(b'xy')
print(b.read())
