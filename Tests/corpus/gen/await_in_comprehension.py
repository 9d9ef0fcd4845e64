class Sus:
    def __await__(self):
        yield "suspended"
        return 5
async def f():
    return [await Sus() for _ in range(2)]
c = f()
print(c.send(None))
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
