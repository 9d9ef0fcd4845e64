# list.reverse in place, reversed() iterator, and [::-1] on lists
l = [1, 2, 3, 4, 5]
print(l.reverse())
print(l)
l.reverse()
print(l)
e = []
e.reverse()
print(e)
one = ['x']
one.reverse()
print(one)
even = [1, 2, 3, 4]
even.reverse()
print(even)
print(list(reversed(l)))
print(l)
print(l[::-1])
print(l[::-2])
print(l[-2::-1])
print(l[3:0:-1])
print(l[0:3:-1])
m = [[1], [2]]
r = m[::-1]
r[0].append('s')
print(m, r)
words = 'one two three'.split()
words.reverse()
print(' '.join(words))
it = reversed([1, 2, 3])
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
n = list(range(10))
n.reverse()
print(n)
print(n[::-1] == sorted(n))
print(list(reversed(range(5))))
print(list(reversed((1, 2, 3))))
print(list(reversed('abc')))
