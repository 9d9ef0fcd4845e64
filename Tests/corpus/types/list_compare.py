# lexicographic list comparison
pairs = [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 3], [1, 2]), ([1], [1, 0]),
         ([], [0]), ([], []), ([2], [1, 9, 9]), (['a'], ['b']), ([[1]], [[2]]),
         ([1, 'a'], [1, 'b']), ([1.5], [1]), ([True], [1])]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
print([1, 2] == (1, 2))
print([1, 2] != (1, 2))
try:
    print([1] < (1,))
except TypeError:
    print('TypeError')
try:
    print([1, 'a'] < [1, 2])
except TypeError:
    print('TypeError')
print([1, 'a'] == [1, 2])
print([float('nan')] == [float('nan')])
n = float('nan')
print([n] == [n])
print(max([[1, 2], [1, 3], [0, 9]]))
print(sorted([[2], [1, 5], [1], []]))
print([1, 2, 3] > [1, 2])
print([[]] > [])
print([0] * 3 == [0, 0, 0])
