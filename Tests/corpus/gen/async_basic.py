# async def coroutines driven manually with send(None)
class Yielder:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield self.v
        return got
def run(coro, replies=None):
    replies = list(replies or [])
    val = None
    try:
        while True:
            out = coro.send(val)
            print('coroutine yielded', out)
            val = replies.pop(0) if replies else None
    except StopIteration as e:
        return e.value
async def simple():
    return 'simple result'
print(run(simple()))
async def add(a, b):
    return a + b
async def uses_await():
    x = await add(1, 2)
    y = await add(x, 10)
    return x, y
print(run(uses_await()))
async def suspends():
    r1 = await Yielder('first')
    r2 = await Yielder('second')
    return [r1, r2]
print(run(suspends()))
print(run(suspends(), ['reply1', 'reply2']))
async def chain(n):
    if n == 0:
        return await Yielder('bottom')
    return await chain(n - 1)
print(run(chain(3), ['from bottom']))
async def loop_await():
    total = 0
    for i in range(3):
        total += await Yielder(i)
    return total
print(run(loop_await(), [10, 20, 30]))
async def no_await(x):
    return x * 2
c = no_await(21)
try:
    c.send(None)
except StopIteration as e:
    print('finished immediately with', e.value)
async def nested_calls():
    async def inner(v):
        await Yielder('inner ' + str(v))
        return v * v
    results = []
    for i in range(1, 4):
        results.append(await inner(i))
    return results
print(run(nested_calls()))
async def arg_kinds(a, *args, k=0, **kw):
    return a, args, k, sorted(kw)
print(run(arg_kinds(1, 2, 3, k=4, z=5)))
