# isinstance and issubclass
class A:
    pass
class B(A):
    pass
class C(B):
    pass
class D:
    pass
a, b, c, d = A(), B(), C(), D()
print(isinstance(c, A), isinstance(c, B), isinstance(c, C), isinstance(c, D))
print(isinstance(a, B), isinstance(b, A))
print(isinstance(c, (D, B)), isinstance(d, (A, B)), isinstance(d, ()))
print(issubclass(C, A), issubclass(A, C), issubclass(C, C), issubclass(C, (D, A)))
print(issubclass(bool, int), issubclass(int, bool), isinstance(True, int))
print(isinstance(1, float), isinstance(1.0, float), isinstance('s', str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(None, type(None)), isinstance(len, object), isinstance(A, type))
print(isinstance(A, object), issubclass(A, object), issubclass(type, object))
print(type(a) is A, type(c) is B, type(c) == C)
print(issubclass(KeyError, LookupError), issubclass(KeyError, Exception), issubclass(KeyError, IndexError))
print(isinstance(KeyError(), LookupError), isinstance(ValueError(), (TypeError, ValueError)))
try:
    isinstance(a, 5)
except TypeError:
    print('TypeError bad classinfo')
try:
    issubclass(a, A)
except TypeError:
    print('TypeError issubclass needs class')
class MyList(list):
    pass
ml = MyList()
print(isinstance(ml, list), isinstance(ml, MyList), issubclass(MyList, list), type(ml) is list)
print(isinstance(type, type), isinstance(int, type), type(int) is type, type(type) is type)
print(isinstance(3, (int, str)), isinstance('x', (int, (float, str))))
def check(o):
    if isinstance(o, bool):
        return 'bool'
    if isinstance(o, int):
        return 'int'
    if isinstance(o, (list, tuple)):
        return 'seq'
    return 'other'
print([check(o) for o in (True, 1, [1], (1,), 'x', 2.0)])
