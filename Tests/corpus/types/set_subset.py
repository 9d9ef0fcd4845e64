# issubset, issuperset, isdisjoint
a = {1, 2}
b = {1, 2, 3}
c = {4}
print(a.issubset(b), b.issubset(a), a.issubset(a))
print(b.issuperset(a), a.issuperset(b), a.issuperset(a))
print(a.isdisjoint(c), a.isdisjoint(b), set().isdisjoint(set()))
print(set().issubset(a), a.issuperset(set()))
print(a.issubset([1, 2, 5]))
print(a.issubset('ab'))
print(b.issuperset([1, 3]))
print(b.issuperset(range(1, 4)))
print(a.isdisjoint([3, 4]))
print(a.isdisjoint('12'))
print(a.isdisjoint((2,)))
print(frozenset([1]).issubset(a))
print(a.issubset(frozenset([1, 2, 3])))
print(set('abc').issuperset('cba'))
print(set('abc').isdisjoint('xyz'))
for x, y in (({1}, {1, 2}), ({1, 2}, {1}), ({1}, {2}), (set(), set()), ({1, 2}, {2, 1})):
    print(sorted(x), sorted(y), x.issubset(y), x.issuperset(y), x.isdisjoint(y))
try:
    a.issubset(5)
except TypeError:
    print('TypeError')
