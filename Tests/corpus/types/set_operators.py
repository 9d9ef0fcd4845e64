# set operators |, &, -, ^ and their in-place forms
a = {1, 2, 3}
b = {2, 3, 4}
for name, r in (('|', a | b), ('&', a & b), ('-', a - b), ('^', a ^ b)):
    print(name, sorted(r))
print(sorted(a | b | {9}))
print(sorted((a | b) - (a & b)))
print(sorted(a - b - {1}))
print(sorted(a & b & {3}))
c = set(a)
c |= b
print(sorted(c))
c &= {1, 4, 5}
print(sorted(c))
c -= {1}
print(sorted(c))
c ^= {4, 6}
print(sorted(c))
print(sorted(a), sorted(b))
f = frozenset([1, 2])
print(sorted(a | f), sorted(f | a))
print(sorted(a & f), sorted(f - a))
print(sorted(a ^ f))
print(a | b == b | a, a & b == b & a, a - b == b - a)
print(type(a | b).__name__)
print(type(f | frozenset([3])).__name__)
ops = [('|', lambda x, y: x | y), ('&', lambda x, y: x & y), ('-', lambda x, y: x - y), ('^', lambda x, y: x ^ y)]
for name, op in ops:
    try:
        op(a, [1])
    except TypeError:
        print(name, 'TypeError')
print(sorted(set() | set()), sorted(set() & a))
x = {1}
y = x
x = x | {2}
print(sorted(x), sorted(y))
