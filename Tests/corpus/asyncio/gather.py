# gather: results in argument order, exceptions (raised or returned), cancellation.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    print("job", name)
    return name.upper()


started = []


async def forever(n):
    started.append(n)
    try:
        await asyncio.sleep(10)
    finally:
        print("forever cleanup", n)


async def main():
    print(await asyncio.gather(job("a", 1), job("b", 0.5), job("c", 0)))
    print(await asyncio.gather())
    r = await asyncio.gather(job("d", 0), job("e", 0.05, True), return_exceptions=True)
    print(r[0], type(r[1]).__name__, r[1])

    # without return_exceptions the first exception is raised; the others keep running
    try:
        await asyncio.gather(job("f", 0.1, True), job("g", 0.3))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.3)

    # tasks and coroutines may be mixed; finished tasks are fine too
    t = asyncio.create_task(job("h", 0))
    print(await asyncio.gather(t, job("i", 0.05)))
    print(await asyncio.gather(t, t))

    # results of any type, in order
    async def value(v):
        await asyncio.sleep(0)
        return v

    print(await asyncio.gather(*(value(v) for v in (None, 1, "two", [3], (4,)))))

    # nested gathers
    async def pair(a, b):
        return await asyncio.gather(value(a), value(b))

    print(await asyncio.gather(pair(1, 2), pair(3, 4)))

    # cancelling the task waiting in gather cancels every gathered task
    async def waiter():
        try:
            await asyncio.gather(forever(1), forever(2))
        except asyncio.CancelledError:
            print("gather cancelled")
            raise

    w = asyncio.create_task(waiter())
    while len(started) < 2:
        await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled")

    # a gathered task cancelled on its own shows up as CancelledError
    t1 = asyncio.create_task(forever(3))
    t2 = asyncio.create_task(job("j", 0.05))
    await asyncio.sleep(0)
    t1.cancel()
    r = await asyncio.gather(t1, t2, return_exceptions=True)
    print(type(r[0]).__name__, r[1])


asyncio.run(main())
