# Streams waiting for I/O through select.poll: a stand-in `select` module and non-blocking
# pipe objects (read/write return None when they would block) exercise the loop's I/O queue.
import sys
import time

POLLIN, POLLOUT, POLLERR, POLLHUP = 1, 4, 8, 16
pollers = []


class FakePoll:
    def __init__(self):
        self.reg = {}
        pollers.append(self)

    def register(self, obj, mask):
        self.reg[id(obj)] = (obj, mask)

    def modify(self, obj, mask):
        self.reg[id(obj)] = (obj, mask)

    def unregister(self, obj):
        del self.reg[id(obj)]

    def poll(self, timeout=-1):
        res = []
        for obj, mask in list(self.reg.values()):
            ev = obj.ready(mask)
            if ev:
                res.append((obj, ev))
        if not res:
            if timeout < 0:
                raise RuntimeError("poll would block for ever")
            if timeout > 0:
                time.sleep_ms(timeout)
        return res


class FakeSelect:
    POLLIN = POLLIN
    POLLOUT = POLLOUT
    POLLERR = POLLERR
    POLLHUP = POLLHUP
    poll = FakePoll


sys.modules["select"] = FakeSelect

import asyncio


class Pipe:
    def __init__(self, cap=1000):
        self.buf = b""
        self.cap = cap
        self.eof = False

    def read(self, n=-1):
        if not self.buf:
            return b"" if self.eof else None
        if n < 0:
            n = len(self.buf)
        r = self.buf[:n]
        self.buf = self.buf[n:]
        return r

    def readline(self):
        i = self.buf.find(b"\n")
        if i < 0:
            return self.read() if self.eof else None
        return self.read(i + 1)

    def write(self, b):
        space = self.cap - len(self.buf)
        if space <= 0:
            return None
        b = bytes(b[:space])
        self.buf += b
        return len(b)

    def ready(self, mask):
        ev = 0
        if mask & POLLIN and (self.buf or self.eof):
            ev |= POLLIN
        if mask & POLLOUT and len(self.buf) < self.cap:
            ev |= POLLOUT
        return ev

    def close(self):
        pass


async def producer(p, chunks):
    # feeds the pipe a chunk at a time, then ends it; returns how many chunks it fed
    for c in chunks:
        await asyncio.sleep_ms(10)
        p.buf += c
    await asyncio.sleep_ms(10)
    p.eof = True
    return len(chunks)


async def main():
    p = Pipe()
    r = asyncio.StreamReader(p)
    t = asyncio.create_task(producer(p, [b"hel", b"lo\nwor", b"ld\n", b"bye"]))
    for _ in range(3):
        print("line", await r.readline())
    print("read", await r.read())
    print("fed", await t)

    # read(-1) collects everything up to end of file
    p = Pipe()
    t = asyncio.create_task(producer(p, [b"ab", b"cd", b"ef"]))
    print("all", await asyncio.StreamReader(p).read())
    print("fed", await t)

    # readexactly across several arrivals
    p = Pipe()
    t = asyncio.create_task(producer(p, [b"12", b"345", b"6"]))
    print("exactly", await asyncio.StreamReader(p).readexactly(5))
    print("fed", await t)

    # a writer on a full pipe waits in drain() until a consumer makes room
    p = Pipe(cap=4)
    w = asyncio.StreamWriter(p)
    got = []

    async def consumer():
        while len(got) < 10:
            await asyncio.sleep_ms(5)
            got.extend(p.read(3) or b"")

    c = asyncio.create_task(consumer())
    w.write(b"0123456789")
    print("buffered", w.out_buf)
    await w.drain()
    print("drained", w.out_buf)
    await c
    print("consumer got", bytes(got))

    # cancelling a task waiting for input takes it out of the poller
    p = Pipe()

    async def blocked():
        try:
            await asyncio.StreamReader(p).readline()
        except asyncio.CancelledError:
            print("reader cancelled")
            raise

    t = asyncio.create_task(blocked())
    await asyncio.sleep_ms(5)
    print("registered", len(pollers[0].reg))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print("registered", len(pollers[0].reg))

    # two streams at once, one reader each
    p1, p2 = Pipe(), Pipe()

    async def reader(name, p):
        line = await asyncio.StreamReader(p).readline()
        print(name, line)

    ts = [asyncio.create_task(reader("r1", p1)), asyncio.create_task(reader("r2", p2))]
    await asyncio.sleep_ms(5)
    p2.buf = b"second\n"
    await asyncio.sleep_ms(5)
    p1.buf = b"first\n"
    for t in ts:
        await t
    print("pollers", len(pollers), "registered", len(pollers[0].reg))


asyncio.run(main())
