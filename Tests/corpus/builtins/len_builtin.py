# len() of every sized builtin type and user classes with __len__
items = ['', 'abc', 'héllo', '日本語', b'', b'abc', bytearray(4), [], [1, [2, 3]], (), (1,),
         {}, {'a': 1}, set(), {1, 2}, frozenset([1]), range(10), range(0, 10, 3),
         range(10, 0, -1), memoryview(b'abcd')]
for x in items:
    print(repr(x) if not isinstance(x, memoryview) else 'memoryview', len(x))
d = {'a': 1, 'b': 2}
print(len(d.keys()), len(d.values()), len(d.items()))


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(len(Sized(0)), len(Sized(7)))
print(bool(Sized(0)), bool(Sized(3)))


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: len(5))
chk(lambda: len(None))
chk(lambda: len(1.5))
chk(lambda: len(iter([1])))
chk(lambda: len(x for x in []))
chk(lambda: len())
chk(lambda: len([], []))
print(len('a' * 1000), len([0] * 500))
