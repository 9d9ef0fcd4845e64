# dict unpacking in displays
a = {'x': 1}
b = {'y': 2}
d = {**a, **b}
print(sorted(d.items()))
d = {**a, 'k': 1}
print(sorted(d.items()))
d = {'x': 0, **a}
print(d)
d = {**a, 'x': 5}
print(d)
d = {**{}, **{}}
print(d)
d = {**a, **{'x': 7}}
print(d)
c = {**a}
c['x'] = 100
print(a, c)
print(len({**a, **b, 'z': 3}))
print(sorted({**dict(p=1), **dict(q=2)}))
