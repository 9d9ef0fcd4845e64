# star unpacking in calls
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(*[1, 2, 3]))
print(f(*(1, 2), 3))
print(f(0, *[1, 2]))
print(f(*[1], *[2, 3]))
print(f(**{'a': 1}))
print(f(**{'a': 1}, b=2))
print(f(1, *range(3), x=5, **{'y': 6}))
print(f(*'ab', **{'k': 'v'}))
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*[1, 2, 3]))
print(g(1, *[2, 3]))
print(g(*[1, 2], c=3))
print(g(**{'a': 1, 'b': 2, 'c': 3}))
print(g(1, **{'c': 3, 'b': 2}))
print(g(*(x for x in (4, 5, 6))))
args = (7, 8)
kw = {'c': 9}
print(g(*args, **kw))
print(max(*[3, 9, 2]))
print(list(zip(*[(1, 'a'), (2, 'b')])))
print(*[1, 2, 3])
print(*'abc', sep='-')
print(*[], 'end')
try:
    g(*[1, 2])
except TypeError:
    print('TypeError')
try:
    g(1, **{'a': 5, 'b': 1, 'c': 2})
except TypeError:
    print('TypeError')
def h(a, *, key):
    return a, key
print(h(*[1], **{'key': 2}))
print(f(*{'z': 1}))
