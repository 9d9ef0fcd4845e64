# map() with one iterable
print(list(map(str, [1, 2, 3])))
print(list(map(int, ['4', '5', '-6'])))
print(list(map(len, ['', 'a', 'abc'])))
print(list(map(lambda x: x * x, range(6))))
print(list(map(str.upper, 'abc')))
print(list(map(abs, (-1, 2, -3))))
print(list(map(lambda kv: kv[0] + kv[1], {'a': 'b', 'c': 'd'}.items())))
print(list(map(bool, [0, 1, '', 'x'])))
print(list(map(float, ['1.5', '2'])))
print(list(map(list, ['ab', 'c'])))
print(list(map(lambda x: x, [])))
print(tuple(map(ord, 'AZ')))
print(sum(map(int, '12345')))
print(','.join(map(str, range(5))))
m = map(lambda x: x + 1, [10, 20])
print(next(m), next(m))
try:
    next(m)
except StopIteration:
    print('StopIteration')
calls = []


def f(x):
    calls.append(x)
    return -x


lazy = map(f, [1, 2, 3])
print(calls)
print(next(lazy), calls)
print(list(lazy), calls)
print(sorted(map(len, ['ccc', 'a', 'bb'])))
print(max(map(len, ['xx', 'yyyy', 'z'])))
try:
    list(map(int, ['1', 'x']))
except ValueError:
    print('ValueError')
try:
    map(str, 5)
except TypeError:
    print('TypeError')
print(type(map(str, [])).__name__)
