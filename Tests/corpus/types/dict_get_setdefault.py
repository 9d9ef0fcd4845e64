# dict.get and dict.setdefault
d = {'a': 1, 'b': None}
print(d.get('a'))
print(d.get('z'))
print(d.get('z', 'default'))
print(d.get('b', 'default'))
print(d.get('a', 0))
print(d)
print(d.setdefault('a', 100))
print(d.setdefault('c', 3))
print(d.setdefault('d'))
print(d)
groups = {}
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(groups.get('a'))
print(groups.get('z', []))
counts = {}
for c in 'abracadabra':
    counts[c] = counts.get(c, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
e = {}
print(e.get(1), e.get(1, 2))
print(e.setdefault(1, 'one'), e)
print(e.setdefault(1, 'uno'), e)
nested = {}
nested.setdefault('x', {}).setdefault('y', 0)
print(nested)
print({1: 'a'}.get(1.0), {(1, 2): 'p'}.get((1, 2)))
try:
    d.get()
except TypeError:
    print('TypeError')
try:
    d.get([1])
except TypeError:
    print('TypeError')
