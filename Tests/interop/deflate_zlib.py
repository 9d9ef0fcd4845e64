#!/usr/bin/env python3
"""deflate.DeflateIO against CPython's zlib and gzip, both ways, on many inputs.

microboard compresses each input (every format, several window sizes, written in chunks) and
CPython decompresses it; CPython compresses each input (levels 0-9, strategies, window sizes,
zlib/gzip/raw framing) and microboard decompresses it, reading in chunks. Prints
`N passed, M failed` and exits non-zero on any failure.

Usage: python3 Tests/interop/deflate_zlib.py [--exe .build/debug/microboard]
"""
import argparse
import gzip
import os
import random
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def inputs():
    rnd = random.Random(1234)
    words = [b"the ", b"quick ", b"brown ", b"fox ", b"jumps\n", b"over ", b"lazy ", b"dog. "]
    yield b""
    yield b"a"
    yield bytes(range(256)) * 4
    yield bytes(rnd.getrandbits(8) for _ in range(5000))
    yield b"".join(rnd.choice(words) for _ in range(4000))
    yield b"\x00" * 70000
    yield b"".join(rnd.choice(words) + bytes([rnd.getrandbits(8)]) for _ in range(9000))


COMPRESS = """
import deflate, sys
d = sys.argv[1]
for name in sorted(n for n in __import__('os').listdir(d) if n.endswith('.in')):
    data = open(d + '/' + name, 'rb').read()
    for fmt in (1, 2, 3):
        for wbits in (0, 5, 9, 12, 15):
            with open('%s/%s.%d.%d.out' % (d, name, fmt, wbits), 'wb') as f:
                with deflate.DeflateIO(f, fmt, wbits) as z:
                    z.write(b'')   # starts the stream even for empty input
                    step = 1 + len(data) // 3
                    for i in range(0, len(data), step):
                        z.write(data[i:i + step])
"""

DECOMPRESS = """
import deflate, sys, os
d = sys.argv[1]
for name in sorted(n for n in os.listdir(d) if n.endswith('.cz')):
    fmt = int(name.split('.')[-2])
    wbits = 15 if fmt == 1 else 0
    with open(d + '/' + name, 'rb') as f:
        z = deflate.DeflateIO(f, fmt, wbits)
        with open(d + '/' + name + '.back', 'wb') as out:
            while True:
                p = z.read(1000)
                if not p:
                    break
                out.write(p)
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=os.path.join(ROOT, ".build", "debug", "microboard"))
    args = ap.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as d:
        data = {}
        for i, blob in enumerate(inputs()):
            name = "in%02d.in" % i
            data[name] = blob
            open(os.path.join(d, name), "wb").write(blob)
        # CPython compresses in many ways
        k = 0
        for name, blob in data.items():
            for level in (0, 1, 6, 9):
                for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FIXED, zlib.Z_HUFFMAN_ONLY):
                    for fmt, wb in ((1, -15), (2, 15), (2, 9), (3, 31)):
                        c = zlib.compressobj(level, zlib.DEFLATED, wb, 8, strategy)
                        out = c.compress(blob[: len(blob) // 2]) + c.flush(zlib.Z_SYNC_FLUSH) + c.compress(blob[len(blob) // 2:]) + c.flush()
                        open(os.path.join(d, "c%05d.%s.%d.cz" % (k, name, fmt)), "wb").write(out)
                        k += 1
            open(os.path.join(d, "c%05d.%s.3.cz" % (k, name)), "wb").write(gzip.compress(blob, mtime=0))
            k += 1
        for script in (COMPRESS, DECOMPRESS):
            path = os.path.join(d, "run.py")
            open(path, "w").write(script)
            r = subprocess.run([args.exe, "-X", "heapsize=4M", path, d], capture_output=True, timeout=600)
            if r.returncode != 0:
                print("microboard failed:", r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace"))
                failed += 1
        for fn in sorted(os.listdir(d)):
            if fn.endswith(".out"):
                src, fmt = fn.split(".in.")[0] + ".in", int(fn.split(".")[-3])
                comp = open(os.path.join(d, fn), "rb").read()
                try:
                    back = {1: lambda c: zlib.decompress(c, -15), 2: zlib.decompress, 3: gzip.decompress}[fmt](comp)
                    ok = back == data[src]
                except Exception as e:
                    ok = False
                    print("zlib cannot decompress", fn, e)
            elif fn.endswith(".cz"):
                src = fn.split(".", 1)[1].rsplit(".", 2)[0]
                back_path = os.path.join(d, fn + ".back")
                ok = os.path.exists(back_path) and open(back_path, "rb").read() == data[src]
            else:
                continue
            if ok:
                passed += 1
            else:
                failed += 1
                print("FAIL", fn)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
