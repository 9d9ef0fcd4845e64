# MicroPython's asyncio internals: TaskQueue (ordered by ticks key, FIFO on ties), sleep_ms's
# SingletonGenerator, cur_task, run_until_complete, ticks*, ThreadSafeFlag.ioctl and
# Stream.awrite/awritestr (uasyncio v2 compatibility).
import asyncio
from asyncio import core

print(asyncio.ticks is core.ticks, asyncio.ticks_add(5, 3), asyncio.ticks_diff(10, 4))

q = asyncio.TaskQueue()
tasks = [core.Task(None) for _ in range(5)]
for t, k in zip(tasks, (30, 10, 20, 10, 5)):
    q.push(t, k)
print(bool(q), q.peek() is tasks[4])
q.remove(tasks[2])
order = []
while q:
    order.append(tasks.index(q.pop()))
print(order, q.peek())
try:
    q.remove(tasks[0])
except ValueError:
    print("ValueError")

print(type(asyncio.sleep_ms(1)) is asyncio.SingletonGenerator)


async def who():
    await asyncio.sleep_ms(0)
    return core.cur_task


async def main():
    t = asyncio.create_task(who())
    me = core.cur_task
    r = await t
    print(r is t, me is not t, core.cur_task is me)


core.run_until_complete(core.create_task(main()))
print(core.cur_task)

f = asyncio.ThreadSafeFlag()
print(f.ioctl(3, 1), f.ioctl(3, 4))
f.set()
print(f.ioctl(3, 1), f.ioctl(3, 5), f.ioctl(3, 4))


class Sink:
    def __init__(self):
        self.data = b""

    def write(self, b):
        self.data += bytes(b)
        return len(b)


async def writer():
    s = Sink()
    w = asyncio.StreamWriter(s)
    await w.awrite(b"hello world", 6, 5)
    await w.awrite(b"!")
    await w.awritestr(" ok")
    print(s.data)


asyncio.run(writer())
print(asyncio.stream.stream_awrite is asyncio.Stream.awrite)
