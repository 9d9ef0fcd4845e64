# default argument values
def f(a, b=2, c=3):
    return a, b, c
print(f(1))
print(f(1, 20))
print(f(1, 20, 30))
print(f(1, c=30))
print(f(a=1, b=0))
print(f(c=9, a=8))
x = 10
def g(v=x):
    return v
x = 20
print(g(), g(5))
def h(a, b=None):
    if b is None:
        b = 'default'
    return a, b
print(h(1), h(1, 0), h(1, ''))
def expr_default(n=2 ** 4 + 1):
    return n
print(expr_default())
def uses_earlier(a, b=len('abc')):
    return a + b
print(uses_earlier(1))
calls = []
def side():
    calls.append('evaluated')
    return 0
def once(v=side()):
    return v
print(calls)
once(); once()
print(calls)
def default_tuple(t=(1, 2)):
    return t
print(default_tuple(), default_tuple((3,)))
def default_func(key=str.upper):
    return key('abc')
print(default_func(), default_func(str.lower))
def many(a=1, b=2, c=3, d=4, e=5):
    return a + b + c + d + e
print(many(), many(10), many(e=50), many(1, 1, 1, 1, 1))
class C:
    def m(self, v=[]):
        return v
print(C().m(), C().m(5))
def kw_default(*, k='kd'):
    return k
print(kw_default(), kw_default(k=1))
