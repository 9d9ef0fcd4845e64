# StreamReader / StreamWriter over ordinary stream objects (MicroPython's asyncio.Stream).
import asyncio
import io


async def main():
    r = asyncio.StreamReader(io.BytesIO(b"line one\nline two\nrest of it"))
    print(await r.readline())
    print(await r.readexactly(4))
    print(await r.read(3))
    print(await r.readline())
    print(await r.read())
    print(await r.read())
    print(await r.readline())
    try:
        await asyncio.StreamReader(io.BytesIO(b"abc")).readexactly(5)
    except EOFError:
        print("EOFError")

    buf = bytearray(4)
    r = asyncio.StreamReader(io.BytesIO(b"xyz"))
    print(await r.readinto(buf), buf)

    out = io.BytesIO()
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
    r = asyncio.StreamReader(io.BytesIO(b"a\nb\nc\n"))
    lines = []
    for _ in range(3):
        lines.append(await r.readline())
    await t
    print(lines, log)

    # async with closes the stream
    s = io.BytesIO(b"data")
    async with asyncio.StreamReader(s) as rr:
        print(await rr.read())
    try:
        s.read()
    except ValueError:
        print("closed by async with")


asyncio.run(main())
