# asyncio.lock: Lock.

from . import core


class Lock:
    # A mutual-exclusion lock for tasks.  release() hands the lock straight to the first waiting
    # task (first come, first served), so it stays locked while that task is being woken.

    def __init__(self):
        self._locked = False
        self._waiters = []
        self._handed = None  # woken waiter that owns the lock but has not run yet

    def locked(self):
        return self._locked

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock not acquired")
        if self._waiters:
            t = self._waiters.pop(0)
            t._park = None
            self._handed = t
            core._schedule(t)
        else:
            self._locked = False

    def acquire(self):
        if self._locked:
            t = core.cur_task
            core._park(t, self._waiters)
            try:
                yield
            except core.CancelledError:
                if self._handed is t:
                    # cancelled after the lock was handed over: pass it on
                    self._handed = None
                    self.release()
                raise
            self._handed = None
        else:
            self._locked = True
        return True

    def __aenter__(self):
        return self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()
