# wait_for: the result when in time, TimeoutError (after the task's cleanup) when not,
# exceptions pass through, and timeout None waits for ever.
import asyncio


async def slow(delay, value):
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print("slow finally", value)


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def catcher():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("catcher cancelled, cleaning up")
        await asyncio.sleep(0.01)
        print("catcher cleanup done")
        raise


async def main():
    print(await asyncio.wait_for(slow(0.01, 1), 1))
    try:
        await asyncio.wait_for(slow(1, 2), 0.05)
        print("not reached")
    except asyncio.TimeoutError:
        print("timeout")
    try:
        await asyncio.wait_for(boom(), 1)
    except ValueError as e:
        print("ValueError", e)
    print(await asyncio.wait_for(slow(0, 3), None))

    # the task gets to finish its cleanup (even one that awaits) before TimeoutError
    try:
        await asyncio.wait_for(catcher(), 0.02)
    except asyncio.TimeoutError:
        print("timeout after cleanup")

    # wait_for on an existing task cancels it on timeout
    t = asyncio.create_task(slow(1, 4))
    try:
        await asyncio.wait_for(t, 0.02)
    except asyncio.TimeoutError:
        print("task timed out, done:", t.done())

    # several waits in a row, some in time
    for d in (0.01, 1, 0.01):
        try:
            print("got", await asyncio.wait_for(slow(d, d), 0.1))
        except asyncio.TimeoutError:
            print("timed out", d)

    # cancelling the task that is in wait_for cancels the awaited one too
    started = asyncio.Event()

    async def slow_started(delay, value):
        started.set()
        return await slow(delay, value)

    async def waiter():
        try:
            await asyncio.wait_for(slow_started(10, 5), 20)
        except asyncio.CancelledError:
            print("waiter cancelled")
            raise

    w = asyncio.create_task(waiter())
    await started.wait()
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("main saw CancelledError")


asyncio.run(main())
