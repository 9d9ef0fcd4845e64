# dict creation, item access, assignment, deletion, len, in
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


d = {'a': 1, 'b': 2}
print(d)
print(d['a'], d['b'])
d['c'] = 3
print(d)
d['a'] = 10
print(d)
del d['b']
print(d)
print(len(d), 'a' in d, 'b' in d, 'b' not in d)
chk(lambda: d['missing'])


def del_missing():
    del d['missing']


chk(del_missing)
print({})
print(len({}))
print(bool({}), bool({0: 0}))
e = {1: 'one', 2: 'two'}
print(e[1], e[2])
f = {None: 'none', True: 't', 2.5: 'f', (1, 2): 'tuple', 'k': 'str'}
print(f[None], f[True], f[2.5], f[(1, 2)], f['k'])
print(len(f))
g = {'x': []}
g['x'].append(1)
g['x'].append(2)
print(g)
h = {'k': 1, 'k': 2}
print(h)
counts = {}
for ch in 'hello world':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(counts['l'], counts['o'])
print(type({}).__name__)
print({'a': {'b': {'c': 1}}}['a']['b']['c'])
print(repr({'q': "it's"}))
print(str({1: [1, 2], 2: (3,)}))
