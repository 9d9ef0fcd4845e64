# argument errors raise TypeError
def f(a, b):
    return a + b
def g(a, *, k):
    return a
def h(x=1):
    return x
class C:
    def m(self, a):
        return a
cases = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, a=2),
    lambda: f(b=1),
    lambda: g(1, 2),
    lambda: g(1),
    lambda: h(1, 2),
    lambda: h(y=1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: (lambda: 0)(1),
    lambda: f(*[1, 2, 3]),
    lambda: f(**{'a': 1}),
    lambda: len(),
    lambda: len(1, 2),
    lambda: int(1, 2, 3),
    lambda: f(1, **{'b': 2, 'c': 3}),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, 'no error')
    except TypeError as e:
        print(i, type(e).__name__)
print(f(1, 2), f(a=1, b=2), f(b=1, a=2))
print(C().m(5), C.m(C(), 6))
try:
    None()
except TypeError:
    print('None not callable')
try:
    'str'()
except TypeError:
    print('str not callable')
try:
    [1, 2]()
except TypeError:
    print('list not callable')
