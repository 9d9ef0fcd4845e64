# set.union and set.intersection (and operators | &)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a.union(b)))
print(sorted(a.intersection(b)))
print(sorted(a | b))
print(sorted(a & b))
print(sorted(a.union([7, 8])))
print(sorted(a.union('xy'), key=str))
print(sorted(a.union(range(3))))
print(sorted(a.intersection([2, 3, 99])))
print(sorted(a.intersection((1,))))
print(sorted(a.intersection(set())))
print(sorted(set().union(a)))
print(sorted(a), sorted(b))
print(sorted(a | set()), sorted(a & a))
print(sorted({1} | {2} | {3}))
print(sorted({1, 2, 3} & {2, 3, 4} & {3, 4, 5}))
u = a.union(b)
u.add(100)
print(100 in a, 100 in u)
try:
    a | [1]
except TypeError:
    print('TypeError')
try:
    a & 'ab'
except TypeError:
    print('TypeError')
print(sorted(a.union({'x'}), key=str), len(a.union({'x'})))
print(sorted(set('abc').union('cde')))
print(sorted(set('abc').intersection('cde')))
print(type(a.union(b)).__name__, type(a & b).__name__)
print(a.union(b) == a | b)
print(a.intersection(b) == b.intersection(a))
