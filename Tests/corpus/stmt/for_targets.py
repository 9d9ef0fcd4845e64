# unusual for-loop targets
class O:
    pass
o = O()
for o.attr in range(3):
    print('attr', o.attr)
print('final attr', o.attr)
l = [0, 0]
for l[0] in 'abc':
    print(l)
d = {}
for d['k'] in [1, 2]:
    pass
print(d)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
for a, *rest in ['abc', 'de', 'f']:
    print(a, rest)
for [x, y] in [(1, 2)]:
    print(x, y)
for i, ch in enumerate('xyz', 1):
    print(i, ch)
for k, v in sorted({'b': 2, 'a': 1}.items()):
    print(k, v)
for _ in range(2):
    print('underscore loop')
for i in range(3):
    i = i * 100
    print('rebinding loop var', i)
it = iter(range(6))
for x in it:
    print('x', x, 'skipping', next(it))
data = [[1, 2], [3, 4]]
for row in data:
    for j, val in enumerate(row):
        row[j] = val * 10
print(data)
for x in (1, 2), (3, 4):
    print(x)
