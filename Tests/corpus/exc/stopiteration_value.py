# StopIteration carries the generator's return value
def g(v):
    yield 'only'
    return v
for ret in [None, 0, 'text', [1, 2], (3, 4)]:
    it = g(ret)
    next(it)
    try:
        next(it)
    except StopIteration as e:
        print(repr(e.value), e.args)
e = StopIteration()
print(e.value, e.args)
e = StopIteration('v')
print(e.value, e.args)
e = StopIteration(1, 2)
print(e.value, e.args)
def delegator():
    r = yield from g('delegated')
    return 'got ' + r
it = delegator()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value)
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration('custom')
try:
    next(It())
except StopIteration as e:
    print('custom iterator', e.value)
print(list(It()))
def return_tuple():
    return 1, 2
    yield
try:
    next(return_tuple())
except StopIteration as e:
    print(e.value, e.args)
