# map() with several iterables stops at the shortest
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(lambda a, b, c: (a, b, c), 'ab', 'cd', 'ef')))
print(list(map(pow, [2, 3, 4], [5, 2])))
print(list(map(max, [1, 5, 3], [4, 2, 6])))
print(list(map(min, [1, 5, 3], [4, 2, 6], [0, 9, 1])))
print(list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6], [7, 8])))
print(list(map(lambda x, y: x + y, 'abc', 'xy')))
print(list(map(lambda x, y: (x, y), range(3), [])))
print(list(map(lambda x, y: x == y, 'hello', 'help')))
print(list(map(divmod, [7, 9], [2, 4])))
print(dict(map(lambda k, v: (k, v), 'abc', range(3))))
print(list(map(lambda a, b: a - b, range(10, 0, -1), range(5))))
print(list(map(str.join, ['-', '+'], ['ab', 'cd'])))
counter = [0]


def gen():
    while True:
        counter[0] += 1
        yield counter[0]


print(list(map(lambda a, b: a * b, [1, 1, 1], gen())))
print(counter[0] >= 3)
try:
    list(map(lambda a, b: a, [1], 5))
except TypeError:
    print('TypeError')
try:
    list(map(lambda a: a, [1], [2]))
except TypeError:
    print('TypeError')
vec_a = [1, 2, 3]
vec_b = [4, 5, 6]
print(sum(map(lambda x, y: x * y, vec_a, vec_b)))
print(list(map(lambda *t: t, [1], [2], [3])))
