# set comparison operators <= < >= > == !=
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, a >= b, a > b, a == b, a != b)
print(b <= a, b < a, b >= a, b > a)
print(a <= a, a < a, a >= a, a > a)
print(set() < a, set() <= set(), set() < set())
c = {3, 4}
print(a < c, a > c, a <= c, a >= c, a == c)
print(a == frozenset([1, 2]), frozenset([1, 2]) == a)
print(frozenset([1]) < a, a > frozenset([1]))
print({1, 2} == {2, 1})
print({1} == [1], {1} != [1])
try:
    print({1} < [1, 2])
except TypeError:
    print('TypeError')
try:
    print({1} <= 5)
except TypeError:
    print('TypeError')
sets = [set(), {1}, {2}, {1, 2}, {1, 2, 3}]
for x in sets:
    print(sorted(x), [x < y for y in sets], [x <= y for y in sets])
print(sorted(max([{1}, {1, 2}], key=len)))
print(sorted(min([{1, 2, 3}, {4}], key=len)))
print({1, 2, 3} > {1, 2} > {1} > set())
print(frozenset() == set())
