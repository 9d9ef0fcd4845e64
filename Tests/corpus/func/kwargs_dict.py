# **kwargs behaves like a fresh dict
def f(**kw):
    return kw
d = f(a=1, b=2)
print(type(d).__name__, sorted(d.items()))
d['c'] = 3
print(sorted(f(a=1).items()))
src = {'x': 1}
got = f(**src)
got['x'] = 99
print(src, got, got is src)
def g(a, **kw):
    return a, sorted(kw.items())
print(g(**{'a': 1, 'b': 2}))
print(g(1, **{}))
def h(**kw):
    return kw.get('missing', 'default'), 'present' in kw
print(h(), h(present=1))
def merge(**kw):
    return sorted(kw)
print(merge(**{'a': 1}, **{'b': 2}))
try:
    merge(**{'a': 1}, **{'a': 2})
except TypeError:
    print('TypeError duplicate keyword')
def pass_through(**kw):
    return f(**kw)
print(sorted(pass_through(p=1, q=2).items()))
def count(**kw):
    return len(kw)
print(count(), count(a=1), count(**dict(zip('abcde', range(5)))))
def kw_values(**kw):
    return sum(kw.values())
print(kw_values(a=1, b=2, c=3))
print(len(f(**{'with space': 1})))
