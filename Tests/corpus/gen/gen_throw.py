# generator.throw
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught in generator:', e)
        yield 'recovered'
    yield 'after'
it = g()
print(next(it))
print(it.throw(ValueError('boom')))
print(next(it))
try:
    next(it)
except StopIteration:
    print('done')
it = g()
print(next(it))
try:
    it.throw(KeyError('unhandled'))
except KeyError as e:
    print('propagated', e.args)
try:
    next(it)
except StopIteration:
    print('generator is finished after unhandled throw')
def fresh():
    print('never printed')
    yield 1
f = fresh()
try:
    f.throw(IndexError('before start'))
except IndexError:
    print('IndexError thrown into unstarted generator')
def with_finally():
    try:
        yield 'a'
    finally:
        print('finally in generator')
w = with_finally()
next(w)
try:
    w.throw(RuntimeError('x'))
except RuntimeError:
    print('RuntimeError after finally')
def throw_type():
    try:
        yield
    except TypeError as e:
        yield 'got TypeError ' + str(e.args)
t = throw_type()
next(t)
print(t.throw(TypeError))
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError:
            n = -100
        n += 1
r = resilient()
print(next(r), next(r), r.throw(ValueError), next(r))
def return_on_throw():
    try:
        yield 1
    except ValueError:
        return 'returned after throw'
rt = return_on_throw()
next(rt)
try:
    rt.throw(ValueError)
except StopIteration as e:
    print(e.value)
