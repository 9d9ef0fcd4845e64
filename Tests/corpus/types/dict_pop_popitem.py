# dict.pop (with default) and dict.popitem
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


d = {'a': 1, 'b': 2, 'c': 3}
print(d.pop('a'))
print(d)
print(d.pop('z', 'dflt'))
print(d.pop('b', 'dflt'))
print(d)
chk(lambda: d.pop('z'))
print(d.pop('c', None), d)
chk(lambda: d.pop('c'))
one = {'k': 'v'}
print(one.popitem())
print(one)
chk(lambda: one.popitem())
chk(lambda: {}.popitem())
e = {1: 'x', 2: 'y', 3: 'z'}
items = []
while e:
    items.append(e.popitem())
print(sorted(items))
print(e)
f = {'x': [1, 2]}
lst = f.pop('x')
lst.append(3)
print(lst, f)
g = dict.fromkeys(range(5), 0)
total = 0
for k in list(g):
    g.pop(k)
    total += 1
print(total, g)
h = {'a': None}
print(h.pop('a', 'unused'))
print(h.pop('a', 'used'))
t = {'x': 1}
k, v = t.popitem()
print(k, v, t)
print(type(one).__name__)
