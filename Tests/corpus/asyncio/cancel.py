# Cancellation: CancelledError is raised inside the task at its await, finally blocks run,
# the awaiting side sees CancelledError, and cancelling a finished task does nothing.
import asyncio


async def victim(name):
    try:
        print(name, "start")
        await asyncio.sleep(10)
        print("not reached")
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise
    finally:
        print(name, "cleanup")


async def deep(n):
    try:
        if n == 0:
            await asyncio.sleep(10)
        else:
            await deep(n - 1)
    finally:
        print("deep cleanup", n)


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    return 42


async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner cleanup")


async def outer(t):
    try:
        await t
    except asyncio.CancelledError:
        print("outer got CancelledError")
        raise


async def main():
    t = asyncio.create_task(victim("v1"))
    await asyncio.sleep(0)
    print("cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print("done", t.done(), "cancel again ->", t.cancel())

    # cancelled before it ever ran: the body does not run at all
    t = asyncio.create_task(victim("v2"))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("v2 cancelled before start")

    # cleanup all the way down a chain of awaits
    t = asyncio.create_task(deep(3))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("deep cancelled")

    # a task may catch CancelledError and finish normally
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print("stubborn returned", await t)

    # cancelling a task that awaits another task cancels that one too
    b = asyncio.create_task(inner())
    a = asyncio.create_task(outer(b))
    await asyncio.sleep(0)
    a.cancel()
    try:
        await a
    except asyncio.CancelledError:
        print("a cancelled")
    print("b done", b.done())

    # cancelling a sleeping task wakes it long before its deadline
    t = asyncio.create_task(victim("v3"))
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("v3 cancelled")

    # CancelledError is not an Exception, so `except Exception` does not swallow it
    async def careless():
        try:
            await asyncio.sleep(10)
        except Exception:
            print("not reached")

    t = asyncio.create_task(careless())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("careless cancelled", issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
