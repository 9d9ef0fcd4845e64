# Tasks run in the order they were created; sleep(0) lets the others run; await gets results.
import asyncio


async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name + " done"


async def main():
    print("main start")
    t1 = asyncio.create_task(worker("a", 3))
    t2 = asyncio.create_task(worker("b", 2))
    print("created", t1.done(), t2.done())
    await asyncio.sleep(0)
    print("main after sleep(0)")
    print(await t1)
    print(await t2)
    print(t1.done(), t2.done())
    # awaiting a finished task again gives the same result
    print(await t1)
    t3 = asyncio.create_task(worker("c", 1))
    print("t3 done?", t3.done())
    print(await t3, t3.done())
    # a coroutine awaited directly runs in the calling task, at once
    print(await worker("d", 2))
    # current_task is the running task
    me = asyncio.current_task()

    async def who():
        return asyncio.current_task()

    t4 = asyncio.create_task(who())
    print((await t4) is t4, asyncio.current_task() is me)
    return 123


print(asyncio.run(main()))


async def chain(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await chain(n - 1)


print(asyncio.run(chain(20)))


async def fan_out():
    order = []

    async def step(name, k):
        for i in range(k):
            order.append(name + str(i))
            await asyncio.sleep(0)

    ts = [asyncio.create_task(step(n, k)) for n, k in (("x", 3), ("y", 1), ("z", 2))]
    for t in ts:
        await t
    print(order)


asyncio.run(fan_out())
print("end")
