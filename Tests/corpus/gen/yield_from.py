# yield from
def inner():
    yield 1
    yield 2
    return 'inner result'
def outer():
    r = yield from inner()
    print('inner returned', r)
    yield 3
print(list(outer()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab', range(3), (x * x for x in range(3)))))
def deleg():
    yield from []
    yield 'after empty'
print(list(deleg()))
def tree(n):
    if n > 0:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def echo():
    while True:
        v = yield
        if v is None:
            return 'echo done'
        print('echo got', v)
def wrapper():
    res = yield from echo()
    yield 'wrapper saw ' + res
w = wrapper()
next(w)
w.send(1)
w.send('two')
print(w.send(None))
def returns_value():
    return 42
    yield
def get_value():
    v = yield from returns_value()
    yield v
print(list(get_value()))
class Iterable:
    def __iter__(self):
        return iter([7, 8, 9])
def from_iterable():
    yield from Iterable()
print(list(from_iterable()))
def nested_returns():
    a = yield from (yield from gen_pair())
    yield a
def gen_pair():
    yield 'p'
    return inner()
print(list(nested_returns()))
def from_string():
    yield from 'xyz'
print(list(from_string()))
