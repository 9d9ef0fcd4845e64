# tuple packing and unpacking
t = 1, 2, 3
print(t, type(t).__name__)
a, b, c = t
print(a, b, c)
x = 1,
print(x, len(x))
e = ()
print(e, len(e))
print((1, 2) == (1, 2))
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
def pair():
    return 'l', 'r'
l, r = pair()
print(l, r)
res = pair()
print(res)
for i, (k, v) in enumerate([('a', 1), ('b', 2)]):
    print(i, k, v)
(a, b), c = (1, 2), 3
print(a, b, c)
a, b = 'xy'
print(a, b)
a, b = [5, 6]
print(a, b)
a, b = {7: 0, 8: 0} if False else (7, 8)
print(a, b)
print(((1, 2),) * 2)
print(tuple([1, 2]) + tuple('ab'))
nested = ((1, 2), (3, 4))
print([x + y for x, y in nested])
print(sum(x * y for x, y in nested))
def swap(p):
    x, y = p
    return y, x
print(swap((1, 2)))
print(1, 2 == (1, 2))
print((1, 2) == (1, 2))
