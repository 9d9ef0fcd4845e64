# changing a dict's size while iterating raises RuntimeError
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


def add_during():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0


def del_during():
    d = {1: 1, 2: 2, 3: 3}
    for k in d:
        del d[k]


def pop_during_items():
    d = {'a': 1, 'b': 2}
    for k, v in d.items():
        d.pop(k)


def safe_copy():
    d = {1: 1, 2: 2, 3: 3}
    for k in list(d):
        if k % 2:
            del d[k]
    return d


def safe_modify_values():
    d = {'a': 1, 'b': 2}
    for k in d:
        d[k] = d[k] * 10
    return d


def safe_keys_copy():
    d = {'x': 1, 'y': 2}
    for k in list(d.keys()):
        d[k + k] = 0
    return sorted(d)


chk(add_during)
chk(del_during)
chk(pop_during_items)
chk(safe_copy)
chk(safe_modify_values)
chk(safe_keys_copy)
d = {i: i for i in range(10)}
for k in [k for k in d if k % 3 == 0]:
    del d[k]
print(d)
e = {'a': 1, 'b': 2}
snapshot = list(e.items())
e.clear()
print(snapshot, e)
f = {1: 'a'}
it = iter(f)
print(next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
g = {'k': 0}
for i in range(5):
    for key in g:
        g[key] += 1
print(g)
h = {n: n * n for n in range(5)}
print({k: v for k, v in h.items() if v > 3})
print(len(h))
keys = list(h)
for k in keys:
    h.pop(k)
    print(k, len(h))
print(h)
print(list(h.items()))
