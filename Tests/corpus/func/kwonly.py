# keyword-only arguments
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2))
print(f(1, b=2, c=4))
print(f(a=1, c=0, b=5))
try:
    f(1, 2)
except TypeError:
    print('TypeError positional for kw-only')
try:
    f(1)
except TypeError:
    print('TypeError missing kw-only')
def g(*args, key, default=None):
    return args, key, default
print(g(1, 2, key='k'))
print(g(key='only'))
try:
    g(1, 2)
except TypeError:
    print('TypeError missing key')
def h(*, x=1, y=2):
    return x * 10 + y
print(h(), h(y=5), h(x=0, y=0), h(y=1, x=9))
try:
    h(1)
except TypeError:
    print('TypeError no positional allowed')
def k(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(k(1, c=3))
print(k(1, 2, 3, 4, c=5, e=6))
print(k(c=1, a=0, z=9))
def kw_order(*, z, a):
    return z, a
print(kw_order(a=1, z=2))
class C:
    def m(self, *, flag=False):
        return flag
print(C().m(), C().m(flag=True))
lam = lambda *, q: q * 2
print(lam(q=21))
def kwonly_mutable(*, acc=[]):
    acc.append(1)
    return len(acc)
print(kwonly_mutable(), kwonly_mutable())
