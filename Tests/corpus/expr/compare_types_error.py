# comparing unrelated types raises TypeError (print only the type name)
pairs = [(1, 'a'), ('a', 1), ([1], (1,)), (None, 0), ({}, {}), (1.5, 'x'), ([], 0), (b'a', 'a')]
for x, y in pairs:
    try:
        print(x < y)
    except TypeError as e:
        print('TypeError', type(x).__name__, type(y).__name__)
    try:
        print(x >= y)
    except TypeError:
        print('TypeError >=')
for x, y in pairs:
    print(x == y, x != y)
try:
    sorted([3, 'a', 1])
except TypeError:
    print('TypeError in sort')
try:
    max(1, 'b')
except TypeError:
    print('TypeError in max')
print(1 < 2.5, True < 2, [1, 2] < [1, 3], (1, 'a') < (1, 'b'), 'a' < 'b')
try:
    print((1, 2) < (1, 'x'))
except TypeError:
    print('TypeError tuple')
print((1, 2) < (2, 'x'))
print([1, 'a'] == [1, 'a'])
try:
    print(None > None)
except TypeError:
    print('TypeError None')
