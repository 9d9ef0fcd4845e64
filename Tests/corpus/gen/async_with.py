# async with driven manually
class Yielder:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield self.v
class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print('aenter', self.name)
        await Yielder('in aenter ' + self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print('aexit', self.name, None if et is None else et.__name__)
        await Yielder('in aexit ' + self.name)
        return self.suppress
def run(coro):
    try:
        while True:
            print('  yielded:', coro.send(None))
    except StopIteration as e:
        return e.value
async def basic():
    async with ACM('a') as v:
        print('body', v)
    return 'basic done'
print(run(basic()))
async def multiple():
    async with ACM('x') as x, ACM('y') as y:
        print('body', x, y)
    return 'multiple done'
print(run(multiple()))
async def suppressed():
    async with ACM('s', suppress=True):
        raise ValueError('hidden')
    return 'after suppressed'
print(run(suppressed()))
async def propagated():
    try:
        async with ACM('p'):
            raise KeyError('visible')
    except KeyError as e:
        return 'caught ' + str(e.args)
print(run(propagated()))
async def ret_inside():
    async with ACM('r'):
        return 'returned inside'
print(run(ret_inside()))
async def loop_inside():
    out = []
    for i in range(3):
        async with ACM('l%d' % i):
            if i == 1:
                continue
            out.append(i)
    return out
print(run(loop_inside()))
