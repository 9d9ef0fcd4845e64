# enumerate() with and without start
print(list(enumerate('abc')))
print(list(enumerate('abc', 1)))
print(list(enumerate('abc', start=10)))
print(list(enumerate([], 5)))
print(list(enumerate(range(3), -2)))
print(list(enumerate((x * x for x in range(4)))))
print(list(enumerate({'k': 1, 'j': 2})))
for i, c in enumerate('xyz'):
    print(i, c)
for n, (a, b) in enumerate([(1, 2), (3, 4)], 1):
    print(n, a, b)
e = enumerate(['p', 'q'])
print(next(e))
print(next(e))
try:
    next(e)
except StopIteration:
    print('StopIteration')
print(dict(enumerate('ab')))
print([i for i, v in enumerate([5, 0, 3, 0]) if v == 0])
print(list(enumerate(enumerate('ab'))))
lines = ['first', 'second', 'third']
for num, line in enumerate(lines, start=1):
    print('%d: %s' % (num, line))
try:
    enumerate(5)
except TypeError:
    print('TypeError')
print(type(enumerate([])).__name__)
