# asyncio.funcs: wait_for, wait_for_ms, gather.

from . import core


async def wait_for(aw, timeout, sleep=core.sleep):
    # Run aw (as a task) and wait for it; if it takes longer than timeout, cancel it, wait for
    # it to finish, and raise TimeoutError.  Cancelling the waiter cancels aw too.
    aw = core._promote(aw)
    if timeout is None:
        return await aw
    expired = False

    async def expire():
        nonlocal expired
        await sleep(timeout)
        expired = True
        aw.cancel()

    timer = core.create_task(expire())
    try:
        return await aw
    except core.CancelledError:
        if expired:
            raise core.TimeoutError
        aw.cancel()
        raise
    finally:
        timer.cancel()


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, core.sleep_ms)


async def gather(*aws, return_exceptions=False):
    # Run the awaitables concurrently (as tasks) and return their results in order.  Without
    # return_exceptions the first exception is raised (the other tasks keep running); with it,
    # exceptions take the place of results.  Cancelling the gather cancels every task.
    if not aws:
        return []
    tasks = [core._promote(aw) for aw in aws]
    me = core.cur_task
    pending = len(tasks)
    failed = None
    woken = False

    def ended(t):
        nonlocal pending, failed, woken
        if woken:
            return
        if t._exc is not None and not return_exceptions:
            failed = t._exc
        else:
            pending -= 1
            if pending:
                return
        woken = True
        core._schedule(me)

    for t in tasks:
        if t._done:
            t._retrieved = True
            if t._exc is not None and not return_exceptions:
                if failed is None:
                    failed = t._exc
            else:
                pending -= 1
        else:
            t._on_done(ended)
    if failed is None and pending:
        try:
            await core._suspend()
        except core.CancelledError as e:
            # cancel every task and let them finish before passing the cancellation on
            woken = True
            for t in tasks:
                t.cancel()
            for t in tasks:
                if not t._done:
                    try:
                        await t
                    except BaseException:
                        pass
            raise e
    woken = True
    if failed is not None:
        raise failed
    result = []
    for t in tasks:
        t._retrieved = True
        result.append(t._value if t._exc is None else t._exc)
    return result
