# basic generators
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print('StopIteration')
try:
    next(g)
except StopIteration:
    print('StopIteration again')
def several():
    yield 'a'
    yield 'b'
    yield 'c'
print(list(several()), tuple(several()), ''.join(several()))
def empty():
    return
    yield
print(list(empty()))
def body_runs_lazily():
    print('body started')
    yield 1
    print('body resumed')
    yield 2
    print('body finished')
gen = body_runs_lazily()
print('generator created')
print(next(gen))
print(next(gen))
print(next(gen, 'default'))
print(next(gen, 'default again'))
def gen_with_return():
    yield 1
    return 'ret'
print(list(gen_with_return()))
def yield_expr_value():
    x = yield 1
    print('x is', x)
    yield 2
g = yield_expr_value()
print(next(g))
print(next(g))
print(sum(count_up(101)))
print(max(count_up(10)), min(count_up(10)))
print(3 in count_up(5), 7 in count_up(5))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
g1 = count_up(2)
print(iter(g1) is g1)
for x in count_up(3):
    print('loop', x)
print(type(count_up(1)).__name__)
