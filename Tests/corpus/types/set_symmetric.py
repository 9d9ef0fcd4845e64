# symmetric_difference, symmetric_difference_update, operator ^
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a.symmetric_difference(b)))
print(sorted(b.symmetric_difference(a)))
print(sorted(a ^ b))
print(sorted(a.symmetric_difference([1, 9])))
print(sorted(a.symmetric_difference(a)))
print(sorted(a.symmetric_difference(set())))
print(sorted(a), sorted(b))
c = set(a)
print(c.symmetric_difference_update(b))
print(sorted(c))
c.symmetric_difference_update({1, 2})
print(sorted(c))
c.symmetric_difference_update('ab')
print(sorted(c, key=str))
d = {1, 2}
d ^= {2, 3}
print(sorted(d))
e = d
e ^= {1}
print(sorted(d), e is d)
try:
    a ^ [1]
except TypeError:
    print('TypeError')
print(sorted(set('hello') ^ set('world')))
print(len(set(range(10)) ^ set(range(5, 15))))
print(a ^ b == (a | b) - (a & b))
print(a ^ b ^ b == a)
x = set()
for item in [1, 2, 1, 3, 2, 1]:
    x ^= {item}
print(sorted(x))
print(sorted(x ^ {9}))
