# len(), membership, and truthiness for dicts as they change
d = {}
print(len(d), bool(d), 'k' in d)
for i in range(5):
    d[i] = i * i
    print(len(d), i in d, i + 1 in d)
print(0 in d, 4 in d, 5 in d)
print(16 in d, 16 in d.values())
print((4, 16) in d.items())
del d[0]
print(len(d), 0 in d)
d[0] = 'back'
print(len(d), 0 in d)
d.clear()
print(len(d), bool(d))
s = {'x': None}
print('x' in s, s['x'] is None, len(s))
print(None in {None: 1}, None in {1: None})
big = {str(i): i for i in range(200)}
print(len(big), '199' in big, '200' in big, 199 in big)
print(sum(1 for k in big if k.startswith('1')))
del big['5']
print(len(big), '5' in big)
for k in ('a', 'b', 'a', 'c', 'b', 'a'):
    s[k] = s.get(k, 0) + 1 if k != 'x' else 0
print(s)
print(len(s.keys()), len(s.values()), len(s.items()))
print(sorted(s.items(), key=lambda kv: str(kv[0])))
