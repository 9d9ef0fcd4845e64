# StopIteration semantics
def g():
    yield 1
    return 'val'
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print('value', e.value, e.args)
def g_no_ret():
    yield 1
it = g_no_ret()
next(it)
try:
    next(it)
except StopIteration as e:
    print('value', e.value, e.args)
e = StopIteration(5)
print(e.value, e.args)
print(StopIteration().value)
def leaks():
    yield 1
    raise StopIteration('inside generator')
try:
    print(list(leaks()))
except RuntimeError:
    print('RuntimeError (PEP 479)')
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(It()))
def manual_next():
    it = iter([1, 2])
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
print(manual_next())
print(next(iter([]), 'empty default'))
def return_in_try():
    try:
        yield 1
        return 'from try'
    finally:
        print('finally on return')
it = return_in_try()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value)
print(isinstance(StopIteration(), Exception))
def gen_catching_stop():
    try:
        next(iter([]))
    except StopIteration:
        yield 'caught inner StopIteration'
print(list(gen_catching_stop()))
