# exceptions crossing generator boundaries
def producer():
    yield 1
    raise KeyError('producer failed')
def consumer():
    got = []
    try:
        for v in producer():
            got.append(v)
    except KeyError as e:
        got.append('caught ' + str(e.args[0]))
    return got
print(consumer())
def transformer(it):
    for v in it:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield 'inf'
print(list(transformer([5, 0, 2])))
def guarded():
    try:
        yield 'a'
        yield 'b'
    except ValueError:
        yield 'got ValueError'
g = guarded()
print(next(g), g.throw(ValueError()))
def cleanup_log():
    log = []
    def gen():
        try:
            yield 1
            yield 2
        finally:
            log.append('cleaned')
    for v in gen():
        log.append(v)
    return log
print(cleanup_log())
def exc_from_send():
    x = yield
    if x < 0:
        raise ValueError('negative sent')
    yield x
s = exc_from_send()
next(s)
try:
    s.send(-1)
except ValueError as e:
    print(e)
