# async for driven manually
class Yielder:
    def __await__(self):
        yield 'suspend'
class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Yielder()
        self.i += 1
        return self.i - 1
def run(coro):
    count = 0
    try:
        while True:
            coro.send(None)
            count += 1
    except StopIteration as e:
        return e.value, count
async def collect(n):
    out = []
    async for x in ARange(n):
        out.append(x)
    return out
print(run(collect(4)))
print(run(collect(0)))
async def with_else():
    async for x in ARange(2):
        print('item', x)
    else:
        print('async for else')
    return 'ok'
print(run(with_else()))
async def with_break():
    async for x in ARange(10):
        if x == 3:
            break
        print('item', x)
    else:
        print('not printed')
    return x
print(run(with_break()))
async def with_continue():
    total = 0
    async for x in ARange(6):
        if x % 2:
            continue
        total += x
    return total
print(run(with_continue()))
class NoSuspend:
    def __init__(self, items):
        self.items = list(items)
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)
async def nested():
    pairs = []
    async for a in NoSuspend('ab'):
        async for b in NoSuspend([1, 2]):
            pairs.append(a + str(b))
    return pairs
print(run(nested()))
async def unpacking():
    res = []
    async for k, v in NoSuspend([('x', 1), ('y', 2)]):
        res.append(k * v)
    return res
print(run(unpacking()))
class Failing:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise ValueError('iteration failed')
async def failing():
    try:
        async for x in Failing():
            pass
    except ValueError as e:
        return 'caught ' + str(e)
print(run(failing()))
