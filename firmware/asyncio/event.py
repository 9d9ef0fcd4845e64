# asyncio.event: Event and ThreadSafeFlag.

from . import core


class Event:
    # A flag tasks can wait for: set() wakes every waiting task; it stays set until clear().
    # Not safe to set() from an interrupt handler: use ThreadSafeFlag there.

    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True
        waiters = self._waiters
        if waiters:
            self._waiters = []
            for t in waiters:
                t._park = None
                core._schedule(t)

    def clear(self):
        self._flag = False

    def wait(self):
        if not self._flag:
            core._park(core.cur_task, self._waiters)
            yield
        return True


class ThreadSafeFlag:
    # A flag an interrupt handler (or scheduled callback) may set: set() only stores a value,
    # and the loop looks at the flags that have waiters each round (and while it idles).
    # wait() returns at once if the flag is set, and clears it; each set() releases one waiter.

    def __init__(self):
        self._flag = 0
        self._waiters = []

    def set(self):
        self._flag = 1

    def clear(self):
        self._flag = 0

    def ioctl(self, req, flags):
        # the stream protocol's poll request (MP_STREAM_POLL = 3): readable while set
        if req == 3:
            return flags & 1 if self._flag else 0
        return None

    def _unpark(self, t):
        try:
            self._waiters.remove(t)
        except ValueError:
            pass

    def wait(self):
        if self._flag:
            self._flag = 0
            return
        t = core.cur_task
        t._park = self
        self._waiters.append(t)
        if self not in core._flags:
            core._flags.append(self)
        yield
