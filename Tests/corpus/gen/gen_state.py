# generator local state is preserved between resumptions
def stateful():
    a = 1
    b = [a]
    yield a, list(b)
    a += 10
    b.append(a)
    yield a, list(b)
    c = a * 2
    b.append(c)
    yield c, list(b)
print(list(stateful()))
def independent():
    n = 0
    while True:
        n += 1
        yield n
g1 = independent()
g2 = independent()
print(next(g1), next(g1), next(g1), next(g2), next(g1), next(g2))
def loop_state():
    for i in range(3):
        for j in range(2):
            yield i, j
print(list(loop_state()))
def with_try_state():
    log = []
    for i in range(3):
        try:
            log.append('try%d' % i)
            yield list(log)
        finally:
            log.append('fin%d' % i)
    yield log
print(list(with_try_state()))
def closure_gen():
    x = 0
    def bump():
        nonlocal x
        x += 1
    while x < 3:
        bump()
        yield x
print(list(closure_gen()))
def args_state(a, b=2, *rest, **kw):
    yield a
    yield b
    yield rest
    yield sorted(kw)
print(list(args_state(1, 5, 6, 7, k=1)))
def shared_list(l):
    while l:
        yield l.pop()
data = [1, 2, 3]
g = shared_list(data)
print(next(g), data)
data.append(99)
print(list(g), data)
def gen_big_locals():
    vals = [i * i for i in range(100)]
    total = 0
    for v in vals:
        total += v
        if v % 1000 == 0:
            yield total
print(list(gen_big_locals()))
