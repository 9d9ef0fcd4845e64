# next() with and without a default
it = iter([1, 2])
print(next(it))
print(next(it, 'default'))
print(next(it, 'default'))
print(next(it, None))
try:
    next(it)
except StopIteration:
    print('StopIteration')
e = iter([])
print(next(e, 0))
print(next(iter('abc')), next(iter('abc'), 'x'))
g = (i * 10 for i in range(2))
print(next(g), next(g), next(g, 'exhausted'))
d = iter({'k': 'v'})
print(next(d), next(d, 'end'))
r = iter(range(3))
print([next(r, -1) for _ in range(5)])
z = zip([1], [2])
print(next(z), next(z, ()))
m = map(str, [7])
print(next(m), next(m, ''))


def first(iterable, default=None):
    return next(iter(iterable), default)


print(first([9, 8]), first([]), first('', 'none'), first({5}))


def gen():
    yield 'a'
    return 'ret'


gi = gen()
print(next(gi))
try:
    next(gi)
except StopIteration as exc:
    print('StopIteration', exc.value)
print(next(gi, 'after'))
try:
    next(5)
except TypeError:
    print('TypeError')
try:
    next([1])
except TypeError:
    print('TypeError')
print(next(iter([None]), 'dflt'))
print(next(iter([False]), True))
