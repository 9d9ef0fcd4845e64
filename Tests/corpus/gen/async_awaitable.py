# custom awaitables implementing __await__
class Future:
    def __init__(self):
        self.done = False
        self.result = None
    def set_result(self, r):
        self.done = True
        self.result = r
    def __await__(self):
        while not self.done:
            yield self
        return self.result
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for i in range(self.ticks):
            yield 'tick %d/%d' % (i + 1, self.ticks)
        return 'slept %d' % self.ticks
class IterAwait:
    def __await__(self):
        return iter(['x', 'y'])
async def main(fut):
    a = await Sleep(2)
    print('main got', a)
    b = await fut
    print('main got future', b)
    c = await IterAwait()
    print('main got from iter', c)
    return 'main done'
fut = Future()
coro = main(fut)
steps = 0
try:
    while True:
        v = coro.send(None)
        steps += 1
        if v is fut:
            print('step', steps, 'waiting on future')
            if steps == 4:
                fut.set_result(99)
        else:
            print('step', steps, v)
except StopIteration as e:
    print('result', e.value)
class Immediate:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        return self.v
        yield
async def use_immediate():
    return await Immediate(5) + await Immediate(6)
c = use_immediate()
try:
    c.send(None)
except StopIteration as e:
    print('immediate', e.value)
class Counter:
    def __init__(self):
        self.n = 0
    def __await__(self):
        self.n += 1
        yield self.n
        return self.n * 100
async def reuse(ctr):
    a = await ctr
    b = await ctr
    return a + b
ctr = Counter()
r = reuse(ctr)
print(r.send(None), r.send(None))
try:
    r.send(None)
except StopIteration as e:
    print('reuse result', e.value, ctr.n)
