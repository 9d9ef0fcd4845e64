# select.poll and select.select over StringIO/BytesIO, host files, sys.stdout, Python classes with
# an ioctl method (MicroPython's MP_STREAM_POLL = 3 convention) and io.IOBase subclasses.
import select, io, sys, time, errno
import uselect

print(uselect is select, select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)


class Pipe:
    """A stream whose readiness the test controls."""

    def __init__(self, name):
        self.name = name
        self.data = 0
        self.room = True
        self.err = 0
        self.calls = 0

    def ioctl(self, req, arg):
        self.calls += 1
        if req != 3:
            return -1
        r = 0
        if arg & select.POLLIN and self.data:
            r |= select.POLLIN
        if arg & select.POLLOUT and self.room:
            r |= select.POLLOUT
        return r | self.err

    def __repr__(self):
        return "<Pipe %s>" % self.name


class Dev(io.IOBase):
    def __init__(self):
        self.ready = False

    def ioctl(self, req, arg):
        return arg & select.POLLIN if req == 3 and self.ready else 0

    def __repr__(self):
        return "<Dev>"


a, b = Pipe("a"), Pipe("b")
p = select.poll()
p.register(a, select.POLLIN)
p.register(b)
print(p.poll(0))
a.data = 1
print(p.poll(0))
b.room = False
print(p.poll(0))
p.modify(b, select.POLLIN | select.POLLOUT)
b.err = select.POLLHUP
print(p.poll(0))
b.err = 0
p.unregister(b)
p.unregister(b)
print(p.poll(0))
try:
    p.modify(b, select.POLLIN)
except OSError as e:
    print("OSError", e.args[0])
try:
    p.register(42)
except OSError as e:
    print("OSError", e.args[1] if len(e.args) > 1 else e)

# timeouts: nothing ready returns an empty list after about the timeout
a.data = 0
t0 = time.ticks_ms()
print(p.poll(30), 25 <= time.ticks_diff(time.ticks_ms(), t0) < 1000)
t0 = time.ticks_ms()
print(p.poll(0), time.ticks_diff(time.ticks_ms(), t0) < 20)

# ipoll with the one-shot flag: reported once, then idle until modify()
a.data = 1
for obj, ev in p.ipoll(0, 1):
    print("ipoll", obj, ev)
print(p.poll(0))
p.modify(a, select.POLLIN)
print(list(p.ipoll(0)))

# StringIO and BytesIO register (they are streams) but their ioctl has no poll request: EINVAL
for o in (io.StringIO("x"), io.BytesIO()):
    q = select.poll()
    q.register(o, select.POLLIN | select.POLLOUT)
    try:
        q.poll(0)
    except OSError as e:
        print(type(o).__name__, "OSError", e.errno == errno.EINVAL)
    try:
        select.select([o], [], [], 0)
    except OSError as e:
        print("select", "OSError", e.errno == errno.EINVAL)
d = Dev()
q = select.poll()
q.register(d, select.POLLIN | select.POLLOUT)
print([(type(o).__name__, ev) for o, ev in q.poll(0)])
d.ready = True
print([(type(o).__name__, ev) for o, ev in q.poll(0)])

with open("select_poll.py") as f:
    q = select.poll()
    q.register(f, select.POLLIN)
    print(q.poll(0) == [(f, select.POLLIN)])
    r, w, x = select.select([f, a], [sys.stdout, b], [], 0)
    print(r == [f, a], w == [sys.stdout], x)
try:
    q.poll(0)
except ValueError:
    print("ValueError on a closed file")

# select.select waits for the timeout when nothing is ready
a.data = 0
t0 = time.ticks_ms()
print(select.select([a], [], [], 0.02), time.ticks_diff(time.ticks_ms(), t0) >= 15)
print(select.select([], [], [], 0))

# an ioctl that raises propagates
class Bad:
    def ioctl(self, req, arg):
        raise RuntimeError("broken device")

q = select.poll()
q.register(Bad())
try:
    q.poll(0)
except RuntimeError as e:
    print("RuntimeError", e)
