# asyncio.core: tasks, the run queue, sleeping and the event loop.
#
# How it works
# - A Task wraps a coroutine (or generator) and is driven with send(None) / throw(exc).
# - Runnable tasks sit in the run queue `_ready` (a list, FIFO).  The loop runs in rounds:
#   due sleepers (and ready I/O, set ThreadSafeFlags) are moved to the end of the run queue,
#   then every task that was queued when the round began is stepped once; tasks made
#   runnable meanwhile wait for the next round.
# - A task suspends by registering itself somewhere ("parking": the sleep heap, the waiter
#   list of an Event or Lock, the Task it awaits, the I/O poller, a ThreadSafeFlag) and
#   yielding.  Whoever wakes it removes it from there and queues it.  `task._park` says where
#   it is parked, so cancel() can take it out again.
# - Sleeping tasks are in a binary heap ordered by `time.ticks_ms()` deadline (compared with
#   ticks_diff, so counter wrap-around is harmless), ties broken first come, first served.
# - cancel() queues the task with a CancelledError to throw in at its suspension point; a
#   running task that cancels itself gets it at its next suspension; a task awaiting another
#   task passes the cancellation on to it (as CPython and MicroPython do).
# - When the loop has nothing runnable it idles with time.sleep_ms (or the I/O poller) until
#   the earliest deadline; it returns when nothing could ever become runnable again.

from time import ticks_ms, ticks_diff, ticks_add
import sys

try:
    from time import sleep_ms as _idle_sleep_ms
except ImportError:
    from time import sleep as _sleep_s

    def _idle_sleep_ms(ms):
        _sleep_s(ms / 1000)


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


_cur = None  # the task being stepped
_ready = []  # run queue
_timers = []  # heap of sleeping tasks
_seq = 0  # tie-break for equal deadlines
_flags = []  # ThreadSafeFlags with waiting tasks
_ioq = None  # I/O poller, created by the first stream that waits
_stopping = False
_exc_handler = None


# ---- the sleep heap -------------------------------------------------------------------------


def _before(a, b):
    d = ticks_diff(a._when, b._when)
    return d < 0 or (d == 0 and a._seq < b._seq)


def _sift_up(i):
    h = _timers
    t = h[i]
    while i:
        p = (i - 1) >> 1
        q = h[p]
        if not _before(t, q):
            break
        h[i] = q
        q._hidx = i
        i = p
    h[i] = t
    t._hidx = i


def _sift_down(i):
    h = _timers
    n = len(h)
    t = h[i]
    while True:
        c = 2 * i + 1
        if c >= n:
            break
        if c + 1 < n and _before(h[c + 1], h[c]):
            c += 1
        q = h[c]
        if not _before(q, t):
            break
        h[i] = q
        q._hidx = i
        i = c
    h[i] = t
    t._hidx = i


def _timer_add(t, when):
    global _seq
    _seq += 1
    t._when = when
    t._seq = _seq
    t._park = _timers
    _timers.append(t)
    _sift_up(len(_timers) - 1)


def _timer_remove(t):
    i = t._hidx
    last = _timers.pop()
    if last is not t:
        _timers[i] = last
        last._hidx = i
        _sift_down(i)
        _sift_up(last._hidx)
    t._hidx = -1


# ---- queueing, parking, waking ---------------------------------------------------------------


def _schedule(t):
    # Make a task runnable (at the end of the run queue), once.
    if not t._queued:
        t._queued = True
        _ready.append(t)


def _park(t, where):
    # Record that t waits in the list `where` (a waiter list) and add it there.
    t._park = where
    where.append(t)


def _unpark(t):
    # Take t out of wherever it waits.
    p = t._park
    if p is None:
        return
    t._park = None
    if p is _timers:
        _timer_remove(t)
    elif type(p) is list:
        try:
            p.remove(t)
        except ValueError:
            pass
    else:
        p._unpark(t)


def _wake(t):
    _unpark(t)
    _schedule(t)


def _suspend():
    # Yield to the loop; the caller has parked the task (or will be woken by a callback).
    yield


# ---- tasks ---------------------------------------------------------------------------------


class Task:
    # Class-level defaults: a task's instance dict only holds what differs (RAM is precious).
    data = None  # free for the program's use
    _done = False
    _value = None  # return value
    _exc = None  # exception that ended the task
    _waiters = None  # tasks (and completion callbacks) waiting for the end
    _retrieved = False  # result or exception passed to someone
    _throw = None  # exception to throw in at the next step
    _queued = False  # in the run queue
    _park = None  # where it waits (see _unpark)
    _when = 0  # deadline and tie-break while sleeping, index in the heap
    _seq = 0
    _hidx = -1

    def __init__(self, coro, globals=None):
        self.coro = coro

    def done(self):
        return self._done

    def cancel(self):
        # Throw CancelledError into the task at its suspension point; a task waiting for
        # another task passes the cancellation on to that one (and then sees its outcome).
        if self._done:
            return False
        t = self
        while isinstance(t._park, Task):
            t = t._park
        t._throw = CancelledError()
        if t is not _cur and not t._queued:
            _unpark(t)
            _schedule(t)
        return True

    def __await__(self):
        if not self._done:
            t = _cur
            if self._waiters is None:
                self._waiters = []
            self._waiters.append(t)
            t._park = self
            yield
        self._retrieved = True
        if self._exc is not None:
            raise self._exc
        return self._value

    __iter__ = __await__

    def _unpark(self, t):
        # t no longer waits for this task
        try:
            self._waiters.remove(t)
        except ValueError:
            pass

    def _on_done(self, callback):
        # Call callback(task) when the task ends (it must not suspend).
        if self._waiters is None:
            self._waiters = []
        self._waiters.append(callback)


def _finish(t, value, exc):
    t._done = True
    t._value = value
    t._exc = exc
    waiters = t._waiters
    t._waiters = None
    if waiters:
        t._retrieved = True
        for w in waiters:
            if isinstance(w, Task):
                w._park = None
                _schedule(w)
            else:
                w(t)
    elif exc is not None and not isinstance(exc, CancelledError):
        # Nobody waits: queue the finished task so the loop reports the exception if it has
        # still not been retrieved when its turn comes.
        _schedule(t)


def _promote(aw):
    if isinstance(aw, Task):
        return aw
    return create_task(aw)


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    t = Task(coro)
    _schedule(t)
    return t


def current_task():
    if _cur is None:
        raise RuntimeError("no running event loop")
    return _cur


# ---- sleeping ------------------------------------------------------------------------------


def sleep_ms(t):
    task = _cur
    if t > 0:
        _timer_add(task, ticks_add(ticks_ms(), t))
    else:
        _schedule(task)
    yield


def sleep(t):
    return sleep_ms(int(t * 1000))


# ---- the loop ------------------------------------------------------------------------------


def _poll_flags():
    global _flags
    keep = []
    for f in _flags:
        w = f._waiters
        while w and f._flag:
            f._flag = 0
            t = w.pop(0)
            t._park = None
            _schedule(t)
        if w:
            keep.append(f)
    _flags = keep


def _report(t):
    call_exception_handler({"message": "Task exception wasn't retrieved", "future": t, "exception": t._exc})


def _run(main):
    # Run tasks until `main` (a Task) ends, stop() is called, or nothing can run any more.
    global _cur, _ready, _stopping
    if _cur is not None:
        raise RuntimeError("event loop already running")
    if main is not None and main._done:
        main._retrieved = True
        if main._exc is not None:
            raise main._exc
        return main._value
    while True:
        if _timers:
            now = ticks_ms()
            while _timers:
                t = _timers[0]
                if ticks_diff(t._when, now) > 0:
                    break
                _timer_remove(t)
                t._park = None
                _schedule(t)
        if _ioq is not None and _ioq.waiting():
            _ioq.poll(0)
        if _flags:
            _poll_flags()
        if not _ready:
            # Idle until the earliest deadline, or an I/O event or flag.
            dt = ticks_diff(_timers[0]._when, ticks_ms()) if _timers else -1
            io = _ioq is not None and _ioq.waiting()
            if dt < 0 and _timers:
                dt = 0
            if _flags and (dt < 0 or dt > 1):
                dt = 1
            if dt < 0 and not io:
                return None  # nothing can run again
            if io:
                _ioq.poll(dt)
            elif dt > 0:
                _idle_sleep_ms(dt)
            continue
        batch = _ready
        _ready = []
        n = len(batch)
        i = 0
        try:
            while i < n:
                t = batch[i]
                i += 1
                t._queued = False
                if t._done:
                    if not t._retrieved:
                        t._retrieved = True
                        _report(t)
                    continue
                _cur = t
                exc = t._throw
                try:
                    if exc is None:
                        t.coro.send(None)
                    else:
                        t._throw = None
                        t.coro.throw(exc)
                except StopIteration as e:
                    _cur = None
                    _finish(t, e.value, None)
                except (CancelledError, Exception) as e:
                    _cur = None
                    _finish(t, None, e)
                except BaseException as e:
                    # KeyboardInterrupt, SystemExit: end the task and leave the loop
                    _cur = None
                    _finish(t, None, e)
                    t._retrieved = True
                    raise
                else:
                    _cur = None
                    if t._throw is not None and not t._queued:
                        # cancelled itself while running
                        _unpark(t)
                        _schedule(t)
                if t is main and t._done:
                    t._retrieved = True
                    if t._exc is not None:
                        raise t._exc
                    return t._value
                if _stopping and main is None:
                    _stopping = False
                    return None
        finally:
            _cur = None
            if i < n:
                _ready = batch[i:] + _ready


def run(coro):
    return _run(create_task(coro))


# ---- event loop object ---------------------------------------------------------------------


def _default_handler(loop, context):
    out = sys.stderr
    print(context["message"], file=out)
    print("future:", context["future"], "coro=", context["future"].coro, file=out)
    sys.print_exception(context["exception"], out)


def call_exception_handler(context):
    (_exc_handler or _default_handler)(_loop, context)


class Loop:
    def create_task(self, coro):
        return create_task(coro)

    def run_forever(self):
        global _stopping
        _stopping = False
        _run(None)

    def run_until_complete(self, aw):
        return _run(_promote(aw))

    def stop(self):
        global _stopping
        _stopping = True

    def close(self):
        pass

    def set_exception_handler(self, handler):
        global _exc_handler
        _exc_handler = handler

    def get_exception_handler(self):
        return _exc_handler

    def default_exception_handler(self, context):
        _default_handler(self, context)

    def call_exception_handler(self, context):
        call_exception_handler(context)


_loop = Loop()


def get_event_loop(runq_len=0, waitq_len=0):
    return _loop


def new_event_loop():
    # Forget every task and return the (reset) loop.
    global _ready, _timers, _flags, _ioq, _stopping, _cur
    _ready = []
    _timers = []
    _flags = []
    _ioq = None
    _stopping = False
    _cur = None
    return _loop
