# sequence operators on lists and tuples
a = [1, 2, 3]
b = [4, 5]
print(a + b)
print(a * 2)
print(0 * a)
print([[0] * 2] * 2)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
print((1, 2) + (3,))
print((1,) * 3)
print(a == [1, 2, 3], a != [1, 2], a < [1, 2, 4], a > [1, 2])
print([] < [1], [1] < [1, 0], [2] > [1, 99])
print((1, 2) == (1, 2), (1, 2) < (1, 3), () < (0,))
print([1, 2] == (1, 2))
print(len(a + b), len(a * 3))
print(a.index(2), a.count(2))
print(min(a), max(b), sum(a + b))
print(a[-1], a[0], b[1])
try:
    print(a[10])
except IndexError:
    print('IndexError')
try:
    print((1, 2)[-3])
except IndexError:
    print('IndexError')
try:
    a + (1,)
except TypeError:
    print('TypeError')
c = a
c = c + [9]
print(a, c)
d = a
d += [9]
print(a, d)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], nested[0][-1])
print(list('ab') + list((1, 2)))
print([x * 2 for x in a] + [0])
