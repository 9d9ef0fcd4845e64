# tuple unpacking, star targets, swapping, nested unpacking
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = 'xyz'
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = (1, 2, 3, 4)
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
one, *empty = [1]
print(one, empty)
for i, (k, v) in enumerate([('a', 1), ('b', 2)]):
    print(i, k, v)
m, n = divmod(17, 5)
print(m, n)


def pair():
    return 'left', 'right'


l, rr = pair()
print(l, rr)
t = pair()
print(t, type(t).__name__)
try:
    a, b = (1, 2, 3)
except ValueError:
    print('ValueError')
try:
    a, b, c = (1, 2)
except ValueError:
    print('ValueError')
try:
    a, b = 5
except TypeError:
    print('TypeError')
[u, v] = (7, 8)
print(u, v)
(w,) = [9]
print(w)
s = [1, 2, 3]
s[0], s[2] = s[2], s[0]
print(s)
d = {}
d['a'], d['b'] = 'AB'
print(d)
a, (b, (c, dd)) = 1, (2, (3, 4))
print(a, b, c, dd)
