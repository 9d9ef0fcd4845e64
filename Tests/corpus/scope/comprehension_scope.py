# comprehension variables do not leak
x = 'outer x'
lst = [x for x in range(3)]
print(lst, x)
i = 'outer i'
s = {i for i in 'ab'}
print(sorted(s), i)
k = 'outer k'
d = {k: 1 for k in 'cd'}
print(sorted(d), k)
g = list(y for y in range(2))
try:
    print(y)
except NameError:
    print('genexpr var did not leak')
def f():
    r = [j * 2 for j in range(3)]
    try:
        return r, j
    except NameError:
        return r, 'j not leaked'
print(f())
n = 10
print([n + v for v in range(3)])
def uses_enclosing():
    m = 100
    return [m + v for v in range(3)]
print(uses_enclosing())
print([[a for a in range(b)] for b in range(4)])
a = 'outer a'
print([(a, b) for a in range(2) for b in range(a + 1)], a)
funcs = [lambda: q for q in range(3)]
print([fn() for fn in funcs])
