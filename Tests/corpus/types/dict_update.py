# dict.update from dicts, pair iterables and keywords
d = {'a': 1}
print(d.update({'b': 2}))
print(d)
d.update([('c', 3), ('a', 10)])
print(d)
d.update(x=7, y=8)
print(d)
d.update({'z': 0}, w=9)
print(d)
d.update()
print(d)
d.update({})
print(d)
d.update(zip('pq', [1, 2]))
print(d)
d.update([['l', 'list']])
print(d)
d.update((k, k * 2) for k in 'm')
print(d)
e = {1: 'one'}
e.update({1: 'uno', 2: 'dos'})
print(e)
f = {'same': 1}
f.update(f)
print(f)
g = {'keep': 1}
src = {'new': [1]}
g.update(src)
src['new'].append(2)
print(g)
try:
    d.update(5)
except TypeError:
    print('TypeError')
try:
    d.update([(1, 2, 3)])
except ValueError:
    print('ValueError')
try:
    d.update(['x'])
except ValueError:
    print('ValueError')
h = {}
for i in range(3):
    h.update({i: i * i})
print(h)
print(len(d))
i = {'a': 1}
i.update(a=2)
print(i)
i.update([('b', 3)], b=4)
print(i)
