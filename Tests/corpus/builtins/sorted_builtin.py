# sorted() basics: returns a new list from any iterable
src = [5, 2, 8, 1]
out = sorted(src)
print(out, src, out is src)
print(sorted((3, 1, 2)))
print(sorted('sorted'))
print(sorted(b'bca'))
print(sorted({'b': 1, 'a': 2, 'c': 0}))
print(sorted({'b': 1, 'a': 2}.items()))
print(sorted({3, 1, 2}))
print(sorted(frozenset('zyx')))
print(sorted(range(5, 0, -1)))
print(sorted(x % 7 for x in range(10)))
print(sorted([]), sorted(()), sorted(''))
print(sorted([1.5, 1, 0.5, -2, 0.25]))
print(sorted(['b', 'B', 'a', 'A', '1', '_']))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted([[2], [1, 9], [1]]))
print(sorted([10 ** 30, -(10 ** 30), 0, 1]))
print(sorted(['héllo', 'hello', 'hallo']))
print(sorted(map(str, [10, 9, 100])))
print(sorted(map(int, ['10', '9', '100'])))
try:
    sorted([1, 'a'])
except TypeError:
    print('TypeError')
try:
    sorted(5)
except TypeError:
    print('TypeError')
try:
    sorted([1, 2], lambda x: x)
except TypeError:
    print('TypeError')
print(type(sorted('ab')).__name__)
