# isinstance() with single types and user classes
vals = [0, True, 1.5, 1j, 'a', b'a', bytearray(), [], (), {}, set(), frozenset(), None, range(1), 2 ** 80]
types = [int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, object]
for v in vals:
    print(repr(v), [t.__name__ for t in types if isinstance(v, t)])


class A:
    pass


class B(A):
    pass


class C(B):
    pass


for obj in (A(), B(), C()):
    print(type(obj).__name__, isinstance(obj, A), isinstance(obj, B), isinstance(obj, C))
print(isinstance(A, type), isinstance(A(), type))
print(isinstance(True, int), isinstance(1, bool))
print(isinstance(None, type(None)))
try:
    isinstance(1, 1)
except TypeError:
    print('TypeError')
try:
    isinstance(1)
except TypeError:
    print('TypeError')
