def gen():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')

g = gen()
print(next(g))
g.close()
g = gen()
next(g)
try:
    g.throw(ValueError('boom'))
except ValueError as e:
    print('caught', e)

def echo():
    r = None
    while True:
        try:
            r = yield r
        except GeneratorExit:
            print('exit')
            raise
        except Exception as e:
            r = repr(e)

e = echo()
next(e)
print(e.send(1))
print(e.throw(KeyError('k')))
e.close()

def bad():
    try:
        yield 1
    finally:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as ex:
    print('RuntimeError', ex)

def running():
    yield next(r)
r = running()
try:
    next(r)
except ValueError as ex:
    print('ValueError', ex)

def stop():
    raise StopIteration
    yield
try:
    next(stop())
except RuntimeError as ex:
    print('RuntimeError', ex)

def deleg():
    x = yield from gen()
    return x
print(list(deleg()))
print([x for x in (y * 2 for y in range(5)) if x])
try:
    raise ValueError('a') from KeyError('b')
except ValueError as ex:
    print(repr(ex))
try:
    try:
        1 / 0
    finally:
        raise TypeError
except TypeError:
    print('TypeError replaces ZeroDivisionError')
for i in range(3):
    try:
        continue
    finally:
        print('finally', i)
def ret():
    try:
        return 1
    finally:
        return 2
print(ret())
