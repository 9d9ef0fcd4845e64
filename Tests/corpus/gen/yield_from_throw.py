# throw and close propagate through yield from
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('inner caught', e)
        yield 'inner recovered'
    finally:
        print('inner finally')
def outer():
    try:
        yield from inner()
    finally:
        print('outer finally')
g = outer()
print(next(g))
print(g.throw(ValueError('x')))
try:
    next(g)
except StopIteration:
    print('stopped')
g = outer()
next(g)
g.close()
print('closed')
def inner2():
    yield 1
def outer2():
    try:
        yield from inner2()
    except KeyError:
        yield 'outer handled KeyError'
h = outer2()
next(h)
print(h.throw(KeyError('k')))
def inner3():
    try:
        yield 'i3'
    except GeneratorExit:
        print('inner3 got GeneratorExit')
        raise
def outer3():
    yield from inner3()
o = outer3()
next(o)
o.close()
def sub():
    x = yield 'ready'
    while True:
        x = yield x * 2
def main():
    yield from sub()
m = main()
print(next(m), m.send(5), m.send(21))
def return_from_inner():
    try:
        yield 1
    except ValueError:
        return 'value after throw'
def catcher():
    r = yield from return_from_inner()
    yield r
c = catcher()
next(c)
print(c.throw(ValueError))
