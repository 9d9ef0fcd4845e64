# asyncio.stream: Stream (StreamReader, StreamWriter) over any stream object, open_connection
# and start_server.
#
# A task that needs a stream to become readable or writable waits in the I/O queue: a
# select.poll object the loop polls each round (and idles in).  `select` is only imported the
# first time a stream operation waits.  Where there is no select.poll, an operation just yields
# once to the other tasks and then calls the stream (which may then block the whole loop; a
# non-blocking stream returning None is retried after another yield).

from . import core

_select = None  # the select module; False once it is known to be missing


def _io_wait(s, idx):
    # Wait until s is readable (idx 1) or writable (idx 2).
    global _select
    q = core._ioq
    if q is None:
        if _select is None:
            try:
                import select

                _select = select if hasattr(select, "poll") else False
            except ImportError:
                _select = False
        if not _select:
            core._schedule(core.cur_task)
            yield
            return
        q = core._ioq = core.IOQueue()
    if idx == 1:
        q.queue_read(s)
    else:
        q.queue_write(s)
    yield


def _concat(a, b):
    return b if a is None else a + b


class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    aclose = wait_closed

    async def read(self, n=-1):
        r = None
        while True:
            await _io_wait(self.s, 1)
            r2 = self.s.read(n) if n >= 0 else self.s.read()
            if r2 is not None:
                if n >= 0:
                    return r2
                if not r2:
                    return _concat(r, r2)
                r = _concat(r, r2)

    async def readinto(self, buf):
        while True:
            await _io_wait(self.s, 1)
            n = self.s.readinto(buf)
            if n is not None:
                return n

    async def readexactly(self, n):
        r = b""
        while n > 0:
            await _io_wait(self.s, 1)
            r2 = self.s.read(n)
            if r2 is not None:
                if not r2:
                    raise EOFError
                r = r2 if not r else r + r2
                n -= len(r2)
        return r

    async def readline(self):
        line = None
        while True:
            await _io_wait(self.s, 1)
            l2 = self.s.readline()
            if l2 is not None:
                line = _concat(line, l2)
                if not l2 or l2[-1:] in (b"\n", "\n"):
                    return line

    def write(self, buf):
        if not self.out_buf:
            # try to write it at once
            ret = self.s.write(buf)
            if ret == len(buf):
                return
            if ret is not None:
                buf = buf[ret:]
        self.out_buf += buf

    async def drain(self):
        if not self.out_buf:
            await core.sleep_ms(0)
            return
        mv = memoryview(self.out_buf)
        off = 0
        while off < len(mv):
            await _io_wait(self.s, 2)
            ret = self.s.write(mv[off:])
            if ret is not None:
                off += ret
        self.out_buf = b""


async def stream_awrite(self, buf, off=0, sz=-1):
    # The uasyncio v2 way to write: write(buf[off:off + sz]) then drain(); strings are written
    # as their UTF-8 bytes.
    if isinstance(buf, str):
        buf = buf.encode()
    if off != 0 or sz != -1:
        buf = memoryview(buf)
        if sz == -1:
            sz = len(buf) - off
        buf = buf[off : off + sz]
    self.write(buf)
    await self.drain()


Stream.awrite = stream_awrite
Stream.awritestr = stream_awrite

StreamReader = Stream
StreamWriter = Stream


# ---- TCP (needs the socket module) ----------------------------------------------------------


async def open_connection(host, port, ssl=None, server_hostname=None):
    # Open a TCP connection; returns (reader, writer), the same Stream.
    if ssl:
        raise NotImplementedError("ssl")
    import socket
    from errno import EINPROGRESS

    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    try:
        s.connect(ai[-1])
    except OSError as er:
        if er.errno != EINPROGRESS:
            raise er
    ss = Stream(s)
    await _io_wait(s, 2)
    return ss, ss


class Server:
    # A listening socket; a task accepts connections and runs the callback for each.

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        self.task.cancel()

    async def wait_closed(self):
        try:
            await self.task
        except core.CancelledError:
            if not self.task.done():
                raise  # the waiter itself was cancelled

    async def _serve(self, s, cb):
        try:
            while True:
                await _io_wait(s, 1)
                try:
                    s2, addr = s.accept()
                except OSError:
                    continue
                s2.setblocking(False)
                ss = Stream(s2, {"peername": addr})
                core.create_task(cb(ss, ss))
        finally:
            s.close()


async def start_server(cb, host, port, backlog=5, ssl=None):
    # Listen on host:port; cb(reader, writer) is run as a new task for each connection.
    if ssl:
        raise NotImplementedError("ssl")
    import socket

    ai = socket.getaddrinfo(host, port)[0]
    s = socket.socket()
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(ai[-1])
    s.listen(backlog)
    srv = Server()
    srv.task = core.create_task(srv._serve(s, cb))
    return srv
