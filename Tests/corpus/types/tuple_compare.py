# lexicographic tuple comparison
pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1,), (1, 0)), ((), (0,)), ((), ()),
         ((2,), (1, 9)), (('a', 1), ('a', 2)), ((1, 'b'), (1, 'a')), ((1.5,), (1,)),
         (((1, 2),), ((1, 3),))]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
print((1, 2) == [1, 2])
try:
    print((1,) < [1])
except TypeError:
    print('TypeError')
try:
    print((1, 'a') < (1, 2))
except TypeError:
    print('TypeError')
print((1, 'a') == (1, 2))
print(max([(1, 'b'), (2, 'a'), (1, 'c')]))
print(min([(1, 'b'), (2, 'a'), (1, 'c')]))
print(sorted([(3, 'c'), (1, 'z'), (2, 'y'), (1, 'a')]))
print((1, 2, 3) > (1, 2))
print((0,) * 2 == (0, 0))
print((1, 2) != (2, 1), (1,) == (1,))
