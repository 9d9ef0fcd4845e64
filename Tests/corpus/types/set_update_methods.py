# set.update and set.intersection_update, and in-place |= &=
s = {1, 2}
print(s.update({3}))
print(sorted(s))
s.update([4, 5])
print(sorted(s))
s.update('ab')
print(sorted(s, key=str))
s.update(range(7, 9))
print(sorted(s, key=str))
s.update(set())
print(len(s))
s.update([1], (2,), {100})
print(sorted(s, key=str))
t = {1, 2, 3, 4, 5}
print(t.intersection_update({2, 3, 4, 9}))
print(sorted(t))
t.intersection_update([3, 4])
print(sorted(t))
t.intersection_update(range(4))
print(sorted(t))
t.intersection_update(set())
print(sorted(t))
u = {1}
alias = u
u |= {2, 3}
print(sorted(alias), alias is u)
u &= {2, 3, 4}
print(sorted(alias), alias is u)
try:
    u |= [5]
except TypeError:
    print('TypeError')
try:
    u.update(5)
except TypeError:
    print('TypeError')
letters = set()
for word in ['apple', 'banana', 'cherry']:
    letters.update(word)
print(''.join(sorted(letters)))
common = set('apple')
for word in ['grape', 'pear']:
    common.intersection_update(word)
print(sorted(common))
v = {1, 2, 3}
v.intersection_update({3})
print(sorted(v))
print(v == {3})
