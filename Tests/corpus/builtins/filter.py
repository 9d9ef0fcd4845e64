# filter() with functions and None
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(None, [0, 1, '', 'a', [], [0], None, False, True, 0.0])))
print(list(filter(str.isdigit, 'a1b2c3')))
print(list(filter(lambda s: len(s) > 2, ['a', 'abc', 'de', 'fghi'])))
print(list(filter(None, [])))
print(tuple(filter(lambda x: x > 0, (-1, 2, -3, 4))))
print(''.join(filter(str.isalpha, 'h3e2l1l0o')))
print(sum(filter(lambda x: x % 3 == 0, range(30))))
f = filter(lambda x: x < 3, [1, 2, 3, 4, 1])
print(next(f), next(f), next(f))
try:
    next(f)
except StopIteration:
    print('StopIteration')
print(list(f))
calls = []


def pred(x):
    calls.append(x)
    return x > 1


g = filter(pred, [0, 1, 2, 3])
print(calls)
print(next(g), calls)
print(list(g), calls)
print(sorted(filter(lambda k: k != 'b', {'a': 1, 'b': 2, 'c': 3})))
print(list(filter(lambda p: p[1], [('a', 0), ('b', 1)])))
print(list(filter(bool, ['x', '', 'y'])))
print(list(filter(lambda x: x, map(lambda y: y - 1, [1, 2, 3]))))
try:
    list(filter(lambda x: x, 5))
except TypeError:
    print('TypeError')
print(type(filter(None, [])).__name__)
