# many ways to call functions
def f(a, b=0, *args, **kw):
    return (a, b, args, sorted(kw.items()))
print(f(1))
print(f(a=1))
print(f(1, 2))
print(f(1, b=2))
print(f(b=2, a=1))
print(f(1, 2, 3))
print(f(1, 2, 3, x=4))
print(f(*(1, 2, 3)))
print(f(1, *[2, 3]))
print(f(**{'a': 1, 'b': 2}))
print(f(1, **{'x': 5}))
print(f(*[1], **{'b': 9, 'y': 8}))
print(f(1, 2, *[3, 4], 5, *[6], z=7, **{'w': 8}))
print(f(1,))
print(f(
    1,
    2,
))
g = f
print(g(0)[0])
print((f)(5)[0])
print([f][0](6)[0])
print({'k': f}['k'](7)[0])
print((lambda *a: f(*a))(8, 9)[:2])
class Caller:
    def __call__(self, *a, **k):
        return f(*a, **k)
print(Caller()(3, q=1))
def returns_f():
    return f
print(returns_f()(4, 4)[:2])
print(f(f(1)[0] + 1)[0])
args = [10, 20]
kwargs = {'k': 'v'}
print(f(*args, **kwargs))
print(f(*args, *args))
print(f(**kwargs, a=0))
