# generator-based coroutines connected with send()
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
def filt(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
def mapper(fn, target):
    while True:
        item = yield
        target.send(fn(item))
def primed(gen):
    next(gen)
    return gen
sink = primed(printer('got:'))
pipeline = primed(filt(lambda x: x % 2 == 0, primed(mapper(lambda x: x * 10, sink))))
for i in range(7):
    pipeline.send(i)
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = primed(averager())
print([a.send(v) for v in (4, 8, 15, 16, 23, 42)])
def grouper(n):
    buf = []
    while True:
        item = yield (list(buf) if len(buf) == n else None)
        if len(buf) == n:
            buf = []
        buf.append(item)
g = primed(grouper(2))
print([g.send(x) for x in 'abcdefg'])
