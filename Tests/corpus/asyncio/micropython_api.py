# MicroPython-only parts of asyncio: sleep_ms, wait_for_ms, ThreadSafeFlag, Task.data,
# the loop object, the exception handler.
import asyncio
import micropython


async def sleeper_ms(name, ms, log):
    await asyncio.sleep_ms(ms)
    log.append(name)
    return ms


async def slow_ms(ms):
    try:
        await asyncio.sleep_ms(ms)
        return ms
    finally:
        print("slow_ms finally", ms)


async def main():
    log = []
    ts = [asyncio.create_task(sleeper_ms(n, ms, log)) for n, ms in (("b", 400), ("a", 100), ("c", 600), ("z", 0))]
    results = []
    for t in ts:
        results.append(await t)
    print(results, log)

    print(await asyncio.wait_for_ms(slow_ms(10), 1000))
    try:
        await asyncio.wait_for_ms(slow_ms(1000), 30)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e).__name__, isinstance(e, Exception))

    # ThreadSafeFlag: set before wait -> no wait; set from another task; cleared
    flag = asyncio.ThreadSafeFlag()
    flag.set()
    await flag.wait()
    print("flag was set")

    async def set_later(f, ms):
        await asyncio.sleep_ms(ms)
        print("setting flag")
        f.set()

    asyncio.create_task(set_later(flag, 20))
    await flag.wait()
    print("flag woke main")

    flag.set()
    flag.clear()
    try:
        await asyncio.wait_for_ms(flag.wait(), 30)
    except asyncio.TimeoutError:
        print("cleared flag timed out")

    # set from a scheduled callback (as from an interrupt handler)
    micropython.schedule(lambda _: flag.set(), None)
    await flag.wait()
    print("flag set by scheduled callback")

    # set while the loop is idle waiting for a sleeper
    async def idle_setter():
        await asyncio.sleep_ms(30)
        micropython.schedule(lambda _: flag.set(), None)
        await asyncio.sleep_ms(200)
        print("idle setter done")

    t = asyncio.create_task(idle_setter())
    await flag.wait()
    print("flag set while idle")
    await t

    # Task.data is free for the program
    t = asyncio.create_task(slow_ms(0))
    print(t.data)
    t.data = "mine"
    await t
    print(t.data)

    # create_task wants a coroutine
    try:
        asyncio.create_task(42)
    except TypeError:
        print("TypeError")
    return "main done"


print(asyncio.run(main()))

# current_task outside a running loop
try:
    asyncio.current_task()
except RuntimeError:
    print("RuntimeError: no running loop")

# the loop object
loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop())


async def count(n):
    await asyncio.sleep_ms(1)
    return n * 10


print(loop.run_until_complete(count(4)))
print(loop.run_until_complete(loop.create_task(count(5))))


async def stopper():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep_ms(5)
    loop.stop()
    print("stop called")


loop.create_task(stopper())
loop.run_forever()
print("run_forever returned")

# tasks left over are dropped by new_event_loop
loop.create_task(count(6))
loop = asyncio.new_event_loop()
loop.run_forever()
print("new loop ran nothing")
loop.close()

# an exception nobody awaits goes to the exception handler


def handler(loop, context):
    print("handler:", context["message"], type(context["exception"]).__name__, context["exception"])


async def failing():
    await asyncio.sleep_ms(1)
    raise KeyError("lost")


async def main2():
    asyncio.create_task(failing())
    retrieved = asyncio.create_task(failing())
    try:
        await retrieved
    except KeyError as e:
        print("retrieved", e)
    await asyncio.sleep_ms(10)


loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)
asyncio.run(main2())
loop.set_exception_handler(None)

# asyncio.run returns the value or raises the exception
try:
    asyncio.run(failing())
except KeyError as e:
    print("run raised", e)
print(type(asyncio.__version__))
