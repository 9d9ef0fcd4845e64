# set.difference, difference_update, operator -
a = {1, 2, 3, 4, 5}
b = {4, 5, 6}
print(sorted(a.difference(b)))
print(sorted(b.difference(a)))
print(sorted(a - b), sorted(b - a))
print(sorted(a.difference([1, 2])))
print(sorted(a.difference('xyz')))
print(sorted(a.difference(set())))
print(sorted(a.difference(a)))
print(sorted(a), sorted(b))
c = set(a)
print(c.difference_update(b))
print(sorted(c))
c.difference_update([1])
print(sorted(c))
c.difference_update(range(10))
print(sorted(c))
d = {1, 2, 3}
d -= {2}
print(sorted(d))
alias = d
d -= {1}
print(sorted(alias), alias is d)
try:
    a - [1]
except TypeError:
    print('TypeError')
print(sorted(set('abcdef') - set('bdf')))
print(sorted({1, 2} - {1, 2}))
print(len(set(range(100)) - set(range(0, 100, 2))))
e = set(range(10))
e.difference_update({0, 1})
print(sorted(e))
print((a - b) | (b - a) == a ^ b)
