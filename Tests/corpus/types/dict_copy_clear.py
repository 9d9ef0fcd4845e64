# dict.copy (shallow) and dict.clear
d = {'a': 1, 'b': [1, 2]}
c = d.copy()
print(c, c == d, c is d)
c['a'] = 100
print(d['a'], c['a'])
c['b'].append(3)
print(d['b'], d['b'] is c['b'])
c['new'] = 'n'
print('new' in d, 'new' in c)
alias = d
d.clear()
print(d, alias, c)
print(len(d), bool(d))
d['again'] = 1
print(alias)
e = {}
print(e.copy(), e.clear(), e)
f = dict(c)
print(f == c, f is c)
g = {k: list(v) if isinstance(v, list) else v for k, v in c.items()}
g['b'].append('deep')
print(c['b'], g['b'])
big = {i: str(i) for i in range(50)}
cp = big.copy()
big.clear()
print(len(big), len(cp), cp[49])
nested = {'inner': {'x': 1}}
nc = nested.copy()
nc['inner']['x'] = 2
print(nested)
print(type({}.copy()).__name__)
h = {'k': 'v'}
h2 = h.copy()
h.clear()
print(h, h2)
for k in sorted(cp)[:3]:
    print(k, cp[k])
m = {'x': 1, 'y': 2}
n = m.copy()
del n['x']
print(m, n)
m.clear()
print(m, n, len(n))
print(n.copy() == n)
