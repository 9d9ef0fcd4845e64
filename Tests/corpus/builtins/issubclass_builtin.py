# issubclass() with builtin and user classes, tuples
print(issubclass(bool, int), issubclass(int, bool))
print(issubclass(int, int), issubclass(int, object))
print(issubclass(str, object), issubclass(list, object))
print(issubclass(bool, (str, int)))
print(issubclass(float, (int, str)))
print(issubclass(dict, dict), issubclass(set, frozenset))
print(issubclass(ValueError, Exception), issubclass(Exception, ValueError))
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(StopIteration, Exception))
print(issubclass(type, object), issubclass(object, type))


class A:
    pass


class B(A):
    pass


class C(B):
    pass


class D:
    pass


class E(C, D):
    pass


pairs = [(A, A), (B, A), (C, A), (A, C), (D, A), (E, A), (E, D), (E, B), (D, E)]
for x, y in pairs:
    print(x.__name__, y.__name__, issubclass(x, y))
print(issubclass(E, (D, int)), issubclass(A, (B, C)))
print(issubclass(C, ()))
try:
    issubclass(A(), A)
except TypeError:
    print('TypeError')
try:
    issubclass(A, 5)
except TypeError:
    print('TypeError')
