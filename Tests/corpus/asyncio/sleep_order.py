# Sleeping tasks wake in deadline order, whatever the order they started in.
#
# The delays are multiples of a unit measured first (a few rounds of task steps), so the
# order holds even when the interpreter runs very slowly (e.g. with a GC at every allocation).
import asyncio

try:
    from time import ticks_ms, ticks_diff
except ImportError:
    from time import monotonic

    def ticks_ms():
        return int(monotonic() * 1000)

    def ticks_diff(a, b):
        return a - b


async def probe():
    await asyncio.sleep(0)


async def calibrate():
    ts = [asyncio.create_task(probe()) for _ in range(5)]
    t0 = ticks_ms()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for t in ts:
        await t
    return max(0.05, ticks_diff(ticks_ms(), t0) * 3 / 1000)


U = asyncio.run(calibrate())


async def sleeper(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    print("woke", name)
    return name


async def main():
    log = []
    spec = [("c", 3 * U), ("a", U), ("z", 0), ("b", 2 * U)]
    tasks = [asyncio.create_task(sleeper(n, d, log)) for n, d in spec]
    for t in tasks:
        print("result", await t)
    print(log)

    # a task sleeping repeatedly interleaves with a slower one
    log = []

    async def ticker(name, period, count):
        for i in range(count):
            await asyncio.sleep(period)
            log.append((name, i))

    await asyncio.gather(ticker("fast", 2 * U, 3), ticker("slow", 5 * U, 1))
    print(log)

    # the same delay: first come, first served
    log = []
    await asyncio.gather(*(sleeper(n, U, log) for n in "pqrs"))
    print(log)

    # sleep(0) only lets the tasks already waiting run, then comes back
    log = []

    async def spinner(name):
        for i in range(3):
            log.append(name + str(i))
            await asyncio.sleep(0)

    ts = [asyncio.create_task(spinner(n)) for n in "xy"]
    await asyncio.sleep(0)
    log.append("main")
    for t in ts:
        await t
    print(log)


asyncio.run(main())
