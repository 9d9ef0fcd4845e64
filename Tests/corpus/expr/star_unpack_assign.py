# star unpacking in assignment targets
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
a, *b, c = (1, 2)
print(a, b, c)
*a, b = 'xyz'
print(a, b)
a, *b = range(4)
print(a, b)
*a, = [7, 8]
print(a)
first, *rest = [10]
print(first, rest)
(x, y), *z = [(1, 2), 3, 4]
print(x, y, z)
[p, *q] = 1, 2, 3
print(p, q)
for h, *t in [(1, 2, 3), (4,), (5, 6)]:
    print(h, t)
a, b = b, a
print(a, b)
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
head, *mid, tail = 'hello'
print(head, mid, tail)
print(type(mid).__name__)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError')
try:
    a, b, c = [1, 2]
except ValueError:
    print('ValueError')
try:
    a, *b, c = [1]
except ValueError:
    print('ValueError')
x = y = z = 0
print(x, y, z)
i, j = j, i = 1, 2
print(i, j)
lst = [0, 0, 0]
lst[0], lst[2] = 'a', 'b'
print(lst)
a, *b, c = iter([1, 2, 3, 4])
print(a, b, c)
k, v = {'only': 1}.popitem()
print(k, v)
