# dict views: keys(), values(), items() as live views
d = {'a': 1, 'b': 2, 'c': 3}
k = d.keys()
v = d.values()
it = d.items()
print(list(k))
print(list(v))
print(list(it))
print(k)
print(v)
print(it)
print(len(k), len(v), len(it))
print('a' in k, 'z' in k)
print(('a', 1) in it, ('a', 2) in it)
d['d'] = 4
print(list(k))
print(list(v))
del d['a']
print(list(it))
print(len(k))
for key in d.keys():
    print(key, end=' ')
print()
for val in d.values():
    print(val, end=' ')
print()
for key, val in d.items():
    print(key, '=', val)
print(sorted(d.values(), reverse=True))
print(sum(d.values()))
print(max(d.keys()), min(d.items()))
print(list(zip(d.keys(), d.values())))
print({}.keys(), {}.values(), {}.items())
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(list(reversed(list(d.keys()))))
e = {1: 'x'}
print(list(e.items())[0])
print([kv for kv in {'p': 1}.items()])
