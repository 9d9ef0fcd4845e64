# functions as arguments and return values
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2))
print(apply_twice(str.upper, 'abc'))
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
h = compose(lambda x: x + 1, lambda x: x * 2, abs)
print(h(-5))
print(list(map(lambda x: x ** 2, [1, 2, 3])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(map(str, [1, 2, 3])))
print(list(filter(None, [0, 1, '', 'a', None, []])))
print(list(filter(lambda s: s.isdigit(), ['1', 'a', '22'])))
print(sorted(['banana', 'Apple', 'cherry'], key=str.lower))
print(sorted([3, -1, -4, 2], key=abs, reverse=True))
print(max(['aa', 'b', 'cccc'], key=len), min([(2, 'b'), (1, 'z')], key=lambda p: p[1]))
def reduce(f, seq, init):
    acc = init
    for x in seq:
        acc = f(acc, x)
    return acc
print(reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda a, b: b + a, 'abc', ''))
def partial(f, *pre):
    return lambda *rest: f(*pre, *rest)
add3 = partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), add3(10))
def pipeline(data, *steps):
    for s in steps:
        data = s(data)
    return data
print(pipeline(range(10), lambda d: [x for x in d if x % 2], lambda d: [x * x for x in d], sum))
dispatch = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
print([dispatch[op](7, 3) for op in '+-*'])
print(list(map(len, ['a', 'bb', 'ccc'])))
print(list(zip(map(abs, [-1, -2]), map(str, [3, 4]))))
print(all(map(callable, [len, print, lambda: 0])))
