# generator.send
def echo():
    received = None
    while True:
        received = yield received
        if received == 'stop':
            return 'stopped'
g = echo()
print(g.send(None))
print(g.send('hello'))
print(g.send(42))
print(g.send([1, 2]))
try:
    g.send('stop')
except StopIteration as e:
    print('StopIteration', e.value)
def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
acc = accumulator()
next(acc)
for v in [1, 2, 3, 4]:
    print(acc.send(v))
def running_avg():
    total = 0.0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n
ra = running_avg()
next(ra)
print([ra.send(x) for x in [10, 20, 60]])
g = echo()
try:
    g.send('not none first')
except TypeError:
    print('TypeError: cannot send non-None to fresh generator')
def two_way():
    a = yield 'first'
    b = yield 'got ' + str(a)
    yield 'got ' + str(b)
t = two_way()
print(next(t), t.send(1), t.send(2))
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == 'reset':
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send('reset'), next(c))
def send_after_finish():
    yield 1
s = send_after_finish()
next(s)
try:
    s.send(5)
except StopIteration:
    print('StopIteration on finished send')
