# nested awaits, exceptions and results through several coroutine layers
class Op:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail
    def __await__(self):
        reply = yield self.name
        if self.fail:
            raise ValueError('op %s failed' % self.name)
        return '%s->%s' % (self.name, reply)
async def level3(tag, fail=False):
    return await Op(tag, fail)
async def level2(tag, fail=False):
    r = await level3(tag + '.3', fail)
    return 'L2(' + r + ')'
async def level1():
    out = []
    out.append(await level2('a'))
    try:
        await level2('b', fail=True)
    except ValueError as e:
        out.append('caught: ' + str(e))
    out.append(await level2('c'))
    return out
def drive(coro):
    reply = None
    step = 0
    try:
        while True:
            req = coro.send(reply)
            step += 1
            print('request', step, req)
            reply = 'r%d' % step
    except StopIteration as e:
        return e.value
for line in drive(level1()):
    print(line)
