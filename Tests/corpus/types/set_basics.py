# set creation, len, membership, printing via sorted()
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s))
print(1 in s, 4 in s, 4 not in s)
print(sorted(set()))
print(len(set()))
print(set())
print(sorted(set('hello')))
print(sorted(set([1, 2, 2, 3])))
print(sorted(set((5, 5, 6))))
print(sorted(set(range(5))))
print(sorted(set({'a': 1, 'b': 2})))
print(sorted({x % 4 for x in range(20)}))
print(bool(set()), bool({0}))
print(type(s).__name__)
print({1, 2} == {2, 1})
print({1, 2} != {1, 2, 3})
print({1, 1.0, True} == {1})
print(len({1, 1.0, True}))
print(sorted({'b', 'a', 'c'}))
print(sorted({(1, 2), (0, 1)}))
print(sorted({None, None}, key=str))
print({2} == {2.0})
try:
    {[1]}
except TypeError:
    print('TypeError')
try:
    {{1}}
except TypeError:
    print('TypeError')
try:
    s[0]
except TypeError:
    print('TypeError')
print(set([1]) == {1})
print(sum({1, 2, 3}), max({4, 9, 2}), min({4, 9, 2}))
for x in sorted(s):
    print(x)
