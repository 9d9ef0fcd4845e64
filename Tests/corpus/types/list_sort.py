# list.sort and sorted() on distinct values
l = [5, 2, 9, 1, 7, 3]
print(l.sort())
print(l)
l.sort(reverse=True)
print(l)
print(sorted([3, 1, 2]))
print(sorted([3, 1, 2], reverse=True))
print(sorted([]))
print(sorted([1]))
print(sorted(['pear', 'apple', 'fig', 'banana']))
print(sorted(['b', 'A', 'a', 'B']))
print(sorted([2.5, -1, 0, 3, -2.5]))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
print(sorted([[3], [1, 2], [1], []]))
print(sorted('hello'))
print(sorted((9, 8, 7)))
print(sorted({3: 'c', 1: 'a', 2: 'b'}))
print(sorted({5, 3, 8, 1}))
print(sorted(range(10, 0, -3)))
print(sorted([10 ** 20, 5, -(10 ** 20), 0]))
m = list(range(20, 0, -1))
m.sort()
print(m)
n = [4, 4, 2, 2, 1, 1]
n.sort()
print(n)
o = [True, False, True]
o.sort()
print(o)
p = list('zyxwvutsrqponmlkjihgfedcba')
p.sort()
print(''.join(p))
import_like = [31, 41, 59, 26, 53, 58, 97, 93, 23, 84, 62, 64, 33, 83, 27, 95, 2, 88, 41, 97]
print(sorted(import_like))
print(sorted(import_like, reverse=True))
try:
    [1, 'a'].sort()
except TypeError:
    print('TypeError')
try:
    sorted([None, 1])
except TypeError:
    print('TypeError')
try:
    [3, 1].sort(1)
except TypeError:
    print('TypeError')
