# positional-only parameters
def f(a, b, /, c, d=4):
    return a, b, c, d
print(f(1, 2, 3))
print(f(1, 2, c=3))
print(f(1, 2, 3, d=0))
try:
    f(1, b=2, c=3)
except TypeError:
    print('TypeError b is positional-only')
def g(x, /):
    return x
print(g(5))
try:
    g(x=5)
except TypeError:
    print('TypeError x positional-only')
def h(a, /, **kw):
    return a, sorted(kw.items())
print(h(1, a=2))
def k(a, b=2, /, *, c):
    return a, b, c
print(k(1, c=3), k(1, 5, c=3))
def defaults(a=1, /, b=2):
    return a, b
print(defaults(), defaults(9), defaults(9, 8), defaults(b=7))
lam = lambda p, /, q: (p, q)
print(lam(1, 2), lam(1, q=2))
class C:
    def m(self, v, /):
        return v * 2
print(C().m(21))
