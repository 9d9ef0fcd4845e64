# operators applied to builtin container types
print([1, 2] + [3], (1,) + (2,), 'a' + 'b', b'x' + b'y')
print([0] * 3, (0,) * 2, 'ab' * 3, b'-' * 4, 3 * [1])
print([1, 2] == [1, 2], [1, 2] != [2, 1], (1, 2) < (1, 3), 'abc' < 'abd')
print({1, 2} | {3}, sorted({1, 2, 3} & {2, 3, 4}), sorted({1, 2, 3} - {2}), sorted({1, 2} ^ {2, 3}))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1} > set())
print(sorted(dict(a=1, b=2)))
print(2 in [1, 2], 'x' in 'xyz', 3 in {3: 0}, 4 in {4}, (1, 2) in [(1, 2)])
print(len([1] * 5 + [2] * 5), [1, 2, 3][::-1] + [0])
try:
    [1] + (2,)
except TypeError:
    print('TypeError list + tuple')
try:
    {1} + {2}
except TypeError:
    print('TypeError set + set')
try:
    'a' * 2.0
except TypeError:
    print('TypeError str * float')
try:
    [1] - [1]
except TypeError:
    print('TypeError list - list')
l = [1]
l += 'ab'
print(l)
t = ()
t += (1,)
print(t)
s = {1}
s |= {2}
s &= {2, 3}
print(s)
