# Lock: mutual exclusion in first-come order, async with, release errors, cancelled waiters.
import asyncio


async def worker(lock, name, log):
    async with lock:
        log.append(name + " in")
        print(name, "acquired", lock.locked())
        await asyncio.sleep(0.01)
        print(name, "releasing")
        log.append(name + " out")


async def lock_waiter(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise
    print(name, "acquired")
    lock.release()
    return name


async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    log = []
    await asyncio.gather(worker(lock, "a", log), worker(lock, "b", log), worker(lock, "c", log))
    print(log)
    print(lock.locked())

    print(await lock.acquire())
    print(lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError")

    # an exception inside async with releases the lock
    try:
        async with lock:
            print("inside", lock.locked())
            raise ValueError("inside")
    except ValueError as e:
        print("caught", e, lock.locked())

    # a cancelled waiter is skipped
    await lock.acquire()
    ts = [asyncio.create_task(lock_waiter(lock, n)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0)
    ts[1].cancel()
    await asyncio.sleep(0)
    lock.release()
    for t in ts:
        try:
            print("result", await t)
        except asyncio.CancelledError:
            print("w2 result: cancelled")
    print(lock.locked())

    # a waiter cancelled just after the lock was released to it passes it on
    await lock.acquire()
    ts = [asyncio.create_task(lock_waiter(lock, n)) for n in ("x1", "x2")]
    await asyncio.sleep(0)
    lock.release()
    ts[0].cancel()
    for t in ts:
        try:
            print("result", await t)
        except asyncio.CancelledError:
            print("x1 result: cancelled")
    print(lock.locked())

    # a shared counter updated with awaits in the critical section stays consistent
    counter = [0]

    async def incr(n):
        for _ in range(n):
            async with lock:
                v = counter[0]
                await asyncio.sleep(0)
                counter[0] = v + 1

    await asyncio.gather(incr(5), incr(5), incr(5))
    print(counter[0])


asyncio.run(main())
