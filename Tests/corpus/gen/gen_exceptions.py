# exceptions raised inside generators
def raises_after(n):
    for i in range(n):
        yield i
    raise ValueError('after %d' % n)
out = []
try:
    for v in raises_after(3):
        out.append(v)
except ValueError as e:
    print(out, e)
g = raises_after(1)
print(next(g))
try:
    next(g)
except ValueError:
    print('ValueError from next')
try:
    next(g)
except StopIteration:
    print('generator finished after exception')
def catches_internally():
    for x in [1, 0, 2]:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield 'div0'
print(list(catches_internally()))
def finally_runs():
    try:
        yield 1
        yield 2
    finally:
        print('finally executed')
print(list(finally_runs()))
def exc_in_genexpr():
    return list(1 // (x - 2) for x in range(4))
try:
    exc_in_genexpr()
except ZeroDivisionError:
    print('ZeroDivisionError from genexpr')
def gen_raising_stopiteration_inner():
    it = iter([])
    yield next(it, 'default ok')
print(list(gen_raising_stopiteration_inner()))
def generator_reraises():
    try:
        yield 1
        raise KeyError('k')
    except KeyError:
        yield 'handled'
        raise
g = generator_reraises()
print(next(g), next(g))
try:
    next(g)
except KeyError:
    print('KeyError re-raised from generator')
def running_twice():
    yield 1
g = running_twice()
print(list(g), list(g))
