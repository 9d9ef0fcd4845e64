# list() and tuple() builtins on various iterables
for src in ('ab', b'ab', [1, 2], (3, 4), range(3), {'k': 'v'}, frozenset([5]), iter([6, 7]),
            (x for x in 'xy'), enumerate('z'), zip('a', 'b'), map(abs, [-1])):
    print(list(src))
for src in ('ab', [1, 2], range(2), {'k': 'v'}.items(), reversed([1, 2])):
    print(tuple(src))
print(list(), tuple())
t = (1, 2)
print(tuple(t) == t, list(t))
l = [1, 2]
print(list(l) is l, list(l) == l)
try:
    list(1)
except TypeError:
    print('TypeError')
try:
    tuple(None)
except TypeError:
    print('TypeError')
print(list(tuple(list('abc'))))
print(tuple(list(tuple(range(3)))))
print(type(list('a')).__name__, type(tuple('a')).__name__)
