# dict preserves insertion order for iteration and printing
d = {}
for k in ['zeta', 'alpha', 'mid', 'beta']:
    d[k] = len(k)
print(d)
print(list(d))
d['alpha'] = 'updated'
print(list(d))
del d['zeta']
d['zeta'] = 'back'
print(list(d))
e = {3: 'c', 1: 'a', 2: 'b'}
print(e)
print(list(e.keys()), list(e.values()))
e[0] = 'zero'
print(e)
f = dict(b=1, a=2, c=3)
print(f)
g = dict([(9, 'n'), (5, 'f'), (7, 's')])
print(g)
h = {}
for i in [10, 5, 20, 15, 0]:
    h[i] = i * 2
print(h)
print([k for k in h])
u = {'x': 1}
u.update({'a': 2, 'm': 3})
print(u)
c = h.copy()
print(list(c))
print({k: None for k in 'dcba'})
print(dict.fromkeys('qwerty'))
big = {}
for i in range(30, 0, -3):
    big[i] = True
print(list(big))
del big[21]
big[100] = True
print(list(big))
print(list({'b': 1, 'a': 2}.items()))
o = {'first': 1}
o['second'] = 2
o.pop('first')
o['first'] = 3
print(o)
print(list(o.values()))
