async def inner(x):
    return x * 2

async def outer():
    r = await inner(3)
    try:
        await inner(None)
    except TypeError:
        r += 1
    return r

c = outer()
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)

class Awaitable:
    def __await__(self):
        yield 1
        return 5

async def waiter():
    return await Awaitable()
w = waiter()
print(w.send(None))
try:
    w.send(None)
except StopIteration as e:
    print('done', e.value)

class CM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return False

async def use_cm():
    async with CM() as m:
        return m
try:
    use_cm().send(None)
except StopIteration:
    print('async with ok')

x, y, width = 3.14159, 'hi', 10
print(f'{x:.2f} {y!r} {y:>{width}} {x=} {{literal}}')
print(f'{"nested " + f"{y}"}')
print(f'{x:{width}.{3}}')
print(f"{'a' if x else 'b'}")
print(f'{[i for i in range(3)]}')
print(f'{3!r:>5}|{"s"!s:<4}|')
print(f'{x}' f'{y}' 'plain')
try:
    print(eval("f'{'"))
except SyntaxError as e:
    print('SyntaxError')
try:
    print(eval("f'{}'"))
except SyntaxError as e:
    print('SyntaxError')
print('%s %r %5d %-5s| %x %o %e %%' % ('a', 'b', 42, 'c', 255, 8, 1.5))
print('{0} {1!r} {k:^7}'.format(1, 'two', k='mid'))
