# exceptions in coroutines, throw and close
class Yielder:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        r = yield self.v
        return r
async def raiser():
    await Yielder(1)
    raise ValueError('from coroutine')
c = raiser()
print(c.send(None))
try:
    c.send(None)
except ValueError as e:
    print('caught', e)
async def catcher():
    try:
        await raiser()
    except ValueError as e:
        return 'inner caught ' + str(e)
c = catcher()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def waits():
    try:
        await Yielder('waiting')
    except KeyError as e:
        print('coroutine got thrown', e.args)
        return 'handled throw'
c = waits()
print(c.send(None))
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print(e.value)
async def with_finally():
    try:
        await Yielder('suspended')
    finally:
        print('coroutine finally')
c = with_finally()
c.send(None)
c.close()
print('closed')
async def unhandled():
    await Yielder('x')
c = unhandled()
c.send(None)
try:
    c.throw(TypeError('t'))
except TypeError as e:
    print('propagated', e)
async def finished():
    return 1
c = finished()
try:
    c.send(None)
except StopIteration as e:
    print('value', e.value)
