# zip() with several iterables
print(list(zip([1, 2, 3], 'abc')))
print(list(zip('ab', 'cd', 'ef')))
print(list(zip(range(3), range(3, 6), range(6, 9), range(9, 12))))
print(list(zip([1, 2])))
print(list(zip()))
print(list(zip([], [1])))
print(dict(zip('abc', range(3))))
print(list(zip(*[(1, 'a'), (2, 'b'), (3, 'c')])))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)])
print(list(zip({'k': 1}, {'v': 2})))
z = zip('xy', [1, 2])
print(next(z), next(z))
try:
    next(z)
except StopIteration:
    print('StopIteration')
for a, b in zip('pq', 'rs'):
    print(a + b)
names = ['ann', 'bob']
ages = [30, 25]
for n, a in zip(names, ages):
    print('%s is %d' % (n, a))
print(sum(a * b for a, b in zip([1, 2, 3], [4, 5, 6])))
pairs = list(zip(range(5), 'abcde'))
print(pairs[2], len(pairs))
print(list(zip(b'ab', bytearray(b'cd'))))
try:
    zip(1, [2])
except TypeError:
    print('TypeError')
print(type(zip()).__name__)
