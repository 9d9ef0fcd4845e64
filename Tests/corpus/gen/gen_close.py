# generator.close and GeneratorExit
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit received')
        raise
    finally:
        print('cleanup')
it = g()
print(next(it))
it.close()
print('closed')
try:
    next(it)
except StopIteration:
    print('StopIteration after close')
it.close()
print('second close is fine')
u = g()
u.close()
print('closing unstarted generator runs nothing')
def swallow():
    try:
        yield 1
    except GeneratorExit:
        print('swallowing and returning')
        return
s = swallow()
next(s)
print(s.close())
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 'illegal'
b = bad()
next(b)
try:
    b.close()
except RuntimeError:
    print('RuntimeError: generator ignored GeneratorExit')
print(next(b, 'exhausted'))
def finished():
    yield 1
f = finished()
print(list(f))
f.close()
print('close on exhausted generator ok')
def loop():
    i = 0
    try:
        while True:
            yield i
            i += 1
    finally:
        print('loop finally at', i)
l = loop()
for v in l:
    if v == 3:
        break
l.close()
print(isinstance(GeneratorExit(), Exception), isinstance(GeneratorExit(), BaseException))
def close_other_exception():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError('from close')
c = close_other_exception()
next(c)
try:
    c.close()
except ValueError as e:
    print('ValueError', e)
