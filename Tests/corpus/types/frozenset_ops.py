# frozenset with set operators and comparisons
a = frozenset([1, 2, 3])
b = frozenset([3, 4])
print(sorted(a | b))
print(sorted(a & b))
print(sorted(a - b))
print(sorted(a ^ b))
print(type(a | b).__name__, type(a - b).__name__)
s = {3, 9}
print(sorted(a | s), sorted(s | a))
print(sorted(a & s), sorted(s & a))
print(sorted(a - s), sorted(s - a))
print(a <= frozenset([1, 2, 3, 4]), a < a, a <= a)
print(a > frozenset([1]), a >= {1, 2, 3})
print(a == {1, 2, 3}, {1, 2, 3} == a)
c = a
c |= {10}
print(sorted(c), sorted(a), c is a)
d = frozenset()
for i in range(4):
    d = d | {i}
print(sorted(d))
print(len(a & b & {3}))
groups = {frozenset(['x', 'y']): 1, frozenset(['z']): 2}
print(groups[frozenset(['y', 'x'])], groups.get(frozenset(['q'])))
print(sorted(map(sorted, groups)))
pairs = set()
for x in 'abc':
    for y in 'abc':
        if x != y:
            pairs.add(frozenset([x, y]))
print(len(pairs))
print(sorted(sorted(p) for p in pairs))
print(frozenset('ab') in pairs, frozenset('aa') in pairs)
print(sorted(frozenset('abc') - frozenset('b')))
