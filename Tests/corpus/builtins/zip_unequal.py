# zip() stops at the shortest iterable and consumes lazily
print(list(zip([1, 2, 3, 4], 'ab')))
print(list(zip('a', [1, 2, 3], (True, False))))
print(list(zip(range(100), 'xyz')))
print(list(zip([], range(5))))
consumed = []


def counting(n):
    for i in range(n):
        consumed.append(i)
        yield i


print(list(zip(counting(10), 'ab')))
print(consumed)
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, 'ab')))
print(list(it))
a = iter(range(6))
print(list(zip(a, a)))
b = iter('abcdefg')
print(list(zip(b, b, b)))
print(list(b))


def infinite():
    n = 0
    while True:
        yield n
        n += 1


print(list(zip(infinite(), 'wxyz')))
print(list(zip('ab', infinite(), infinite())))
print(len(list(zip(range(3), range(5), range(7)))))
print(dict(zip(['a', 'b', 'c'], [1, 2])))
print(list(zip(*['abc', 'de'])))
print(list(zip(*[])))
short, long_ = 'ab', range(10)
print(list(zip(long_, short)), list(zip(short, long_)))
print([a + b for a, b in zip([1, 2, 3], [10, 20])])
print(list(zip('only')))
