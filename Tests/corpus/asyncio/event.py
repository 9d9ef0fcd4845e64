# Event: set() wakes every waiter (in the order they waited), wait() on a set event returns
# at once, clear() resets it; waiting can be cancelled or timed out.
import asyncio


async def waiter(ev, n):
    print("waiter", n, "waiting")
    r = await ev.wait()
    print("waiter", n, "got", r)
    return n


async def setter(ev, delay):
    await asyncio.sleep(delay)
    print("setting")
    ev.set()


async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    ts = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await asyncio.sleep(0)
    print("setting")
    ev.set()
    print(ev.is_set())
    for t in ts:
        print("result", await t)

    # already set: no waiting
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())

    # set from another task after a while
    asyncio.create_task(setter(ev, 0.02))
    print("main waits")
    await ev.wait()
    print("main woke", ev.is_set())

    # set then clear before the waiters run: they still wake
    ev.clear()
    ts = [asyncio.create_task(waiter(ev, i)) for i in (10, 11)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    for t in ts:
        await t
    print("after set+clear", ev.is_set())

    # a cancelled waiter leaves the others alone
    ts = [asyncio.create_task(waiter(ev, i)) for i in (20, 21, 22)]
    await asyncio.sleep(0)
    ts[1].cancel()
    await asyncio.sleep(0)
    ev.set()
    for t in ts:
        try:
            await t
        except asyncio.CancelledError:
            print("waiter 21 cancelled")

    # timing out on an event nobody sets
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.05)
    except asyncio.TimeoutError:
        print("timeout waiting for event")

    # events as a simple handshake between two tasks
    ping, pong = asyncio.Event(), asyncio.Event()

    async def player(name, mine, other, n):
        for i in range(n):
            await mine.wait()
            mine.clear()
            print(name, i)
            other.set()

    p1 = asyncio.create_task(player("ping", ping, pong, 3))
    p2 = asyncio.create_task(player("pong", pong, ping, 3))
    ping.set()
    await p1
    await p2


asyncio.run(main())
