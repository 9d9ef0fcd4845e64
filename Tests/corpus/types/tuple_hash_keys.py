# tuples as dict keys and set members
d = {}
d[(1, 2)] = 'a'
d[(2, 1)] = 'b'
d[()] = 'empty'
d[(1, (2, 3))] = 'nested'
print(d[(1, 2)], d[(2, 1)], d[()], d[(1, (2, 3))])
print((1, 2) in d, (3, 4) in d)
key = (1,) + (2,)
print(d[key])
grid = {}
for x in range(3):
    for y in range(3):
        grid[x, y] = x * 10 + y
print(grid[2, 1], grid[(0, 2)])
print(len(grid))
print(sorted(grid)[:4])
s = {(1, 2), (1, 2), (2, 1)}
print(len(s), sorted(s))
print(hash((1, 2)) == hash((1, 2)))
print(hash((1, 2)) == hash(tuple([1, 2])))
print(hash(()) == hash(()))
print(hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash((1, [2]))
except TypeError:
    print('TypeError')
try:
    d[(1, [2])] = 0
except TypeError:
    print('TypeError')
counts = {}
for pair in [('a', 1), ('b', 2), ('a', 1)]:
    counts[pair] = counts.get(pair, 0) + 1
print(sorted(counts.items()))
print({(1, 'a'): 1} == {(1, 'a'): 1})
print(d.get((9, 9), 'missing'))
m = {('x', 'y'): [1]}
m[('x', 'y')].append(2)
print(m)
print((1, 2) == (1.0, 2.0), d.get((1.0, 2.0)))
pts = {(0, 0): 'origin', (1, 0): 'east'}
print(sorted(pts.items()))
print(pts[(1, 0)], (0, 1) in pts)
