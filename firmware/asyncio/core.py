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
# - Sleeping tasks are in a TaskQueue: a binary heap ordered by `ticks()` deadline (compared
#   with ticks_diff, so counter wrap-around is harmless), ties broken first come, first served.
# - Tasks waiting for streams are in the IOQueue (a select.poll object), created when the first
#   stream operation waits; the loop polls it each round and idles in it.
# - `cur_task` is the task being stepped; run_until_complete(task) is the loop itself.
# - cancel() queues the task with a CancelledError to throw in at its suspension point; a
#   running task that cancels itself gets it at its next suspension; a task awaiting another
#   task passes the cancellation on to it (as CPython and MicroPython do).
# - When the loop has nothing runnable it idles with time.sleep_ms (or the I/O poller) until
#   the earliest deadline; it returns when nothing could ever become runnable again.

from time import ticks_ms, ticks_diff, ticks_add
from time import ticks_ms as ticks
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


# ---- the sleep queue ------------------------------------------------------------------------


def _before(a, b):
    d = ticks_diff(a._when, b._when)
    return d < 0 or (d == 0 and a._seq < b._seq)


class TaskQueue:
    # Tasks ordered by a ticks() key (ties: first pushed first): a binary heap over the tasks'
    # _when/_seq/_hidx fields, so pushing, popping and removing allocate nothing per task.

    def __init__(self):
        self._h = []
        self._seq = 0

    def __bool__(self):
        return bool(self._h)

    def __len__(self):
        return len(self._h)

    def peek(self):
        return self._h[0] if self._h else None

    def push(self, t, key=None):
        self._seq += 1
        t._when = ticks() if key is None else key
        t._seq = self._seq
        t._park = self
        h = self._h
        h.append(t)
        self._up(len(h) - 1)

    def pop(self):
        h = self._h
        t = h[0]
        self.remove(t)
        return t

    def remove(self, t):
        h = self._h
        i = t._hidx
        if i < 0 or i >= len(h) or h[i] is not t:
            raise ValueError("task not in queue")
        last = h.pop()
        if last is not t:
            h[i] = last
            last._hidx = i
            self._down(i)
            self._up(last._hidx)
        t._hidx = -1

    def _unpark(self, t):
        if t._hidx >= 0:
            self.remove(t)

    def _up(self, i):
        h = self._h
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

    def _down(self, i):
        h = self._h
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


# ---- the I/O queue -------------------------------------------------------------------------


class IOQueue:
    # Streams being waited on: id(stream) -> [stream, reading task, writing task], registered
    # with a select.poll object.

    def __init__(self):
        import select

        self._sel = select
        self._poller = select.poll()
        self._map = {}

    def waiting(self):
        return bool(self._map)

    def _mask(self, e):
        sel = self._sel
        return (sel.POLLIN if e[1] is not None else 0) | (sel.POLLOUT if e[2] is not None else 0)

    def _queue(self, s, idx):
        e = self._map.get(id(s))
        if e is None:
            e = [s, None, None]
            self._map[id(s)] = e
            new = True
        else:
            new = False
        if e[idx] is not None:
            raise RuntimeError("stream already waited on")
        t = cur_task
        e[idx] = t
        t._park = self
        if new:
            self._poller.register(s, self._mask(e))
        else:
            self._poller.modify(s, self._mask(e))

    def queue_read(self, s):
        # the current task waits until s is readable
        self._queue(s, 1)

    def queue_write(self, s):
        # the current task waits until s is writable
        self._queue(s, 2)

    def _update(self, e):
        m = self._mask(e)
        if m:
            self._poller.modify(e[0], m)
        else:
            self._poller.unregister(e[0])
            del self._map[id(e[0])]

    def remove(self, t):
        # t no longer waits for any stream
        for e in list(self._map.values()):
            if e[1] is t or e[2] is t:
                if e[1] is t:
                    e[1] = None
                if e[2] is t:
                    e[2] = None
                self._update(e)

    _unpark = remove

    def wait_io_event(self, dt):
        # Poll for up to dt ms (-1: until an event) and queue the tasks whose streams are ready.
        sel = self._sel
        for ev in self._poller.poll(dt):
            e = self._map.get(id(ev[0]))
            if e is None:
                continue
            flags = ev[1]
            err = flags & ~(sel.POLLIN | sel.POLLOUT)  # POLLERR, POLLHUP: wake everyone
            if e[1] is not None and flags & (sel.POLLIN | err):
                t = e[1]
                e[1] = None
                t._park = None
                _schedule(t)
            if e[2] is not None and flags & (sel.POLLOUT | err):
                t = e[2]
                e[2] = None
                t._park = None
                _schedule(t)
            self._update(e)


cur_task = None  # the task being stepped
_ready = []  # run queue
_timers = TaskQueue()  # sleeping tasks
_flags = []  # ThreadSafeFlags with waiting tasks
_ioq = None  # I/O poller, created by the first stream that waits
_stopping = False
_exc_handler = None


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
    if type(p) is list:
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
        if t is not cur_task and not t._queued:
            _unpark(t)
            _schedule(t)
        return True

    def __await__(self):
        if not self._done:
            t = cur_task
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
    if cur_task is None:
        raise RuntimeError("no running event loop")
    return cur_task


# ---- sleeping ------------------------------------------------------------------------------


class SingletonGenerator:
    # What sleep_ms returns: one reusable awaitable instead of a new generator per sleep. The
    # first step parks the current task (in the sleep queue, or at the end of the run queue for
    # a zero sleep) and suspends; the step after that ends the await.

    def __init__(self):
        self.state = None
        self.exc = StopIteration()

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        if self.state is not None:
            t = self.state
            self.state = None
            if t > 0:
                _timers.push(cur_task, ticks_add(ticks(), t))
            else:
                _schedule(cur_task)
            return None
        self.exc.__traceback__ = None
        raise self.exc

    def send(self, v):
        return self.__next__()


def sleep_ms(t, sgen=SingletonGenerator()):
    sgen.state = t if t > 0 else 0
    return sgen


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


def run_until_complete(main_task=None):
    # Run tasks until `main_task` (a Task) ends, stop() is called, or nothing can run any more.
    main = main_task
    global cur_task, _ready, _stopping
    if cur_task is not None:
        raise RuntimeError("event loop already running")
    if main is not None and main._done:
        main._retrieved = True
        if main._exc is not None:
            raise main._exc
        return main._value
    while True:
        if _timers:
            now = ticks()
            while _timers:
                t = _timers.peek()
                if ticks_diff(t._when, now) > 0:
                    break
                _timers.pop()
                t._park = None
                _schedule(t)
        if _ioq is not None and _ioq.waiting():
            _ioq.wait_io_event(0)
        if _flags:
            _poll_flags()
        if not _ready:
            # Idle until the earliest deadline, or an I/O event or flag.
            dt = ticks_diff(_timers.peek()._when, ticks()) if _timers else -1
            io = _ioq is not None and _ioq.waiting()
            if dt < 0 and _timers:
                dt = 0
            if _flags and (dt < 0 or dt > 1):
                dt = 1
            if dt < 0 and not io:
                return None  # nothing can run again
            if io:
                _ioq.wait_io_event(dt)
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
                cur_task = t
                exc = t._throw
                try:
                    if exc is None:
                        t.coro.send(None)
                    else:
                        t._throw = None
                        t.coro.throw(exc)
                except StopIteration as e:
                    cur_task = None
                    _finish(t, e.value, None)
                except (CancelledError, Exception) as e:
                    cur_task = None
                    _finish(t, None, e)
                except BaseException as e:
                    # KeyboardInterrupt, SystemExit: end the task and leave the loop
                    cur_task = None
                    _finish(t, None, e)
                    t._retrieved = True
                    raise
                else:
                    cur_task = None
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
            cur_task = None
            if i < n:
                _ready = batch[i:] + _ready


def run(coro):
    return run_until_complete(create_task(coro))


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
        run_until_complete(None)

    def run_until_complete(self, aw):
        return run_until_complete(_promote(aw))

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
    global _ready, _timers, _flags, _ioq, _stopping, cur_task
    _ready = []
    _timers = TaskQueue()
    _flags = []
    _ioq = None
    _stopping = False
    cur_task = None
    return _loop
