# type() with one argument
vals = [0, 2 ** 80, True, 1.5, 1j, 'a', b'a', bytearray(b'a'), memoryview(b'a'), [], (), {}, set(),
        frozenset(), range(1), slice(1), None, type, int]
for v in vals:
    print(type(v).__name__, type(v))
print(type(1) == int, type(1) is int, type(True) is int)
print(type(type(1)) is type)


class K:
    pass


k = K()
print(type(k) is K, type(k).__name__, type(K).__name__)
print(type(k)() is not k)
t = type('s')
print(t('abc'), t(12))
print(type(1)('42') + 1)
print(type([])((1, 2)))
print(type({})(a=1))
print(type(lambda: 1).__name__)


def gen():
    yield 1


print(type(gen()).__name__)
try:
    type()
except TypeError:
    print('TypeError')
