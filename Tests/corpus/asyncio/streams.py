# StreamReader / StreamWriter over ordinary stream objects (MicroPython's asyncio.Stream).
# asyncio waits on its streams with select.poll, so a stream must answer the poll ioctl
# (MP_STREAM_POLL = 3): BytesIO does not (EINVAL), this wrapper does and is always ready.
import asyncio
import io


class Stream(io.IOBase):
    def __init__(self, data=b""):
        self.b = io.BytesIO(data)

    def read(self, n=-1):
        return self.b.read(n)

    def readinto(self, buf):
        return self.b.readinto(buf)

    def readline(self):
        return self.b.readline()

    def write(self, data):
        return self.b.write(data)

    def getvalue(self):
        return self.b.getvalue()

    def close(self):
        self.b.close()

    def ioctl(self, req, arg):
        return arg if req == 3 else 0


async def main():
    r = asyncio.StreamReader(Stream(b"line one\nline two\nrest of it"))
    print(await r.readline())
    print(await r.readexactly(4))
    print(await r.read(3))
    print(await r.readline())
    print(await r.read())
    print(await r.read())
    print(await r.readline())
    try:
        await asyncio.StreamReader(Stream(b"abc")).readexactly(5)
    except EOFError:
        print("EOFError")

    buf = bytearray(4)
    r = asyncio.StreamReader(Stream(b"xyz"))
    print(await r.readinto(buf), buf)

    out = Stream()
    w = asyncio.StreamWriter(out, {"peername": "nowhere"})
    w.write(b"hello ")
    w.write(b"world\n")
    await w.drain()
    await w.drain()
    print(out.getvalue())
    print(w.get_extra_info("peername"))
    w.close()
    await w.wait_closed()
    try:
        out.getvalue()
    except ValueError:
        print("closed")
    print(asyncio.StreamReader is asyncio.StreamWriter)

    # other tasks run while streams are used
    log = []

    async def other():
        for i in range(3):
            log.append(i)
            await asyncio.sleep(0)

    t = asyncio.create_task(other())
    r = asyncio.StreamReader(Stream(b"a\nb\nc\n"))
    lines = []
    for _ in range(3):
        lines.append(await r.readline())
    await t
    print(lines, log)

    # async with closes the stream
    s = Stream(b"data")
    async with asyncio.StreamReader(s) as rr:
        print(await rr.read())
    try:
        s.read()
    except ValueError:
        print("closed by async with")


asyncio.run(main())


# a BytesIO itself cannot be waited on: the event loop's poll raises (out of asyncio.run)
async def plain():
    await asyncio.StreamReader(io.BytesIO(b"x")).read()


try:
    asyncio.run(plain())
except OSError as e:
    print("BytesIO stream: OSError", e.errno)
