# isinstance() with tuples of types (including nested tuples)
print(isinstance(1, (int, float)))
print(isinstance(1.5, (int, float)))
print(isinstance('s', (int, float)))
print(isinstance('s', (int, str)))
print(isinstance(None, (int, type(None))))
print(isinstance([], ()))
print(isinstance([], (tuple, dict, list)))
print(isinstance(True, (str, bool)))
print(isinstance(b'x', (bytes, bytearray)))
print(isinstance(bytearray(), (bytes, bytearray)))


class Base:
    pass


class Child(Base):
    pass


print(isinstance(Child(), (int, Base)))
print(isinstance(Base(), (Child, str)))
numeric = (int, float, complex)
for v in (1, 2.0, 3j, '4', [5], True, None):
    print(repr(v), isinstance(v, numeric), isinstance(v, (list, tuple)))


def describe(x):
    if isinstance(x, (list, tuple)):
        return 'sequence of %d' % len(x)
    if isinstance(x, (int, float)):
        return 'number'
    if isinstance(x, str):
        return 'string'
    return 'other'


for v in ([1, 2], (1,), 5, 2.5, 'abc', {}, None):
    print(describe(v))
try:
    isinstance(1, (int, 5))
except TypeError:
    print('TypeError')
