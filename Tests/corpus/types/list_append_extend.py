# list.append and list.extend with various iterables
l = []
for i in range(5):
    l.append(i * i)
    print(l)
print(l.append(99))
print(l)
l.extend([1, 2])
print(l)
l.extend((3, 4))
print(l)
l.extend('ab')
print(l)
l.extend(range(2))
print(l)
l.extend({'k': 1})
print(l)
l.extend(x for x in (7, 8))
print(l)
l.extend([])
print(len(l))
m = [1]
m.append(m[:])
print(m)
n = [1, 2]
n.extend(n)
print(n)
o = []
o.append([1, 2])
o.append((3,))
o.append(None)
print(o)
try:
    o.extend(5)
except TypeError:
    print('TypeError')
try:
    o.append()
except TypeError:
    print('TypeError')
p = [0]
q = p
q.append(1)
print(p, p is q)
r = [[]] * 3
r[0].append('shared')
print(r)
s = [[] for _ in range(3)]
s[0].append('own')
print(s)
