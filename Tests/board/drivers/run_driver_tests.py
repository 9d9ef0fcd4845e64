#!/usr/bin/env python3
"""Third-party MicroPython drivers, unmodified, against the board's device models.

Fetches the drivers from PyPI (fetch_drivers.py; they are not committed), copies them with the
tests of this folder into a temporary folder that plays the board's /flash, and runs each
NAME.py there with `microboard --board pyboard-v11 --clock deterministic` plus its
`# board-args:` line:
  - bme280_driver.py: output compared with bme280_driver.py.exp;
  - ssd1306_driver.py: run with the window (under xvfb-run when there is no display, else
    headless rendering) and `--screenshot --at-ms 500`; every pixel of the two OLED panels in
    the PNG must match the driver's framebuffers, which the script prints. It needs the
    `framebuf` module: without it the test is skipped, with the reason printed.
Usage: run_driver_tests.py --exe .build/debug/microboard [--keep DIR] [--drivers DIR]
"""
import argparse, os, shutil, struct, subprocess, sys, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fetch_drivers  # noqa: E402

LIT = (0x9F, 0xE8, 0xFF)  # the OLED panel colour (BoardFrontEnd adds the panels)


def board_args(path):
    with open(path) as f:
        for line in f.readlines()[:5]:
            if line.startswith("# board-args:"):
                return line.split(":", 1)[1].split()
    return []


def read_png(path):
    """RGB rows of a non-interlaced 8-bit RGB/RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), "unsupported PNG format"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
        prev = line
    return rows


def lit(px):
    return sum(abs(p - q) for p, q in zip(px, LIT)) < 40


def check_panels(png, buffers):
    """Each buffer (MONO_VLSB 128x64, a frame drawn with a border) must appear, pixel for
    pixel, in one lit region of the screenshot; regions are found top to bottom."""
    rows = read_png(png)
    lit_rows = [y for y, r in enumerate(rows) if any(lit(p) for p in r)]
    regions, start = [], None
    for i, y in enumerate(lit_rows):
        if start is None:
            start = y
        if i + 1 == len(lit_rows) or lit_rows[i + 1] > y + 8:
            regions.append((start, y))
            start = None
    if len(regions) != len(buffers):
        return "found %d lit display regions, expected %d" % (len(regions), len(buffers))
    for (y0, y1), buf in zip(regions, buffers):
        xs = [x for y in range(y0, y1 + 1) for x, p in enumerate(rows[y]) if lit(p)]
        x0, x1 = min(xs), max(xs)
        s = (x1 - x0 + 1) // 128
        if s < 1 or (y1 - y0 + 1) // 64 != s:
            return "display region %dx%d is not a 128x64 panel" % (x1 - x0 + 1, y1 - y0 + 1)
        bad = 0
        for y in range(64):
            for x in range(128):
                want = (buf[(y >> 3) * 128 + x] >> (y & 7)) & 1
                if lit(rows[y0 + y * s][x0 + x * s]) != bool(want):
                    bad += 1
        if bad:
            return "%d pixels differ from the driver's framebuffer" % bad
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--keep", help="work in this folder and keep it (screenshots)")
    ap.add_argument("--drivers", default=os.path.join(tempfile.gettempdir(), "microboard-drivers"))
    a = ap.parse_args()
    exe = os.path.abspath(a.exe)
    os.makedirs(a.drivers, exist_ok=True)
    for d in fetch_drivers.DRIVERS:
        fetch_drivers.fetch(*d, a.drivers)
    work = a.keep or tempfile.mkdtemp(prefix="microboard-drivers-")
    os.makedirs(work, exist_ok=True)
    for name in os.listdir(a.drivers):
        shutil.copy(os.path.join(a.drivers, name), work)
    for name in os.listdir(HERE):
        if name.endswith((".py", ".exp", ".json")) and not name.startswith(("run_", "fetch_")):
            shutil.copy(os.path.join(HERE, name), work)
    base = [exe, "--board", "pyboard-v11", "--clock", "deterministic"]
    passed = failed = skipped = 0

    def run(args, timeout=300):
        p = subprocess.run(args, cwd=work, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    # The drivers go onto the board's /flash as a user copies them there (mtools on the image):
    # the board first creates its image with the factory files, then mcopy adds the drivers.
    flash = os.path.join(work, "flash.img")
    with open(os.path.join(work, "noop.py"), "w") as f:
        f.write("pass\n")
    run([exe, "--board", "pyboard-v11", "--clock", "fast", "--headless", "--flash", flash, "--run", "noop.py"])
    for name in os.listdir(a.drivers):
        if name.endswith(".py"):
            subprocess.run(["mcopy", "-o", "-i", flash, os.path.join(a.drivers, name), "::" + name], check=True)
    base += ["--flash", flash]

    # bme280: compare with the expected output.
    t = "bme280_driver.py"
    code, out, err = run(base + ["--headless"] + board_args(os.path.join(work, t)) + ["--run", t])
    if out == open(os.path.join(work, t + ".exp")).read():
        print("pass", t)
        passed += 1
    else:
        print("FAIL", t, "\n--- got:\n" + out + err)
        failed += 1

    # ssd1306: needs framebuf.
    t = "ssd1306_driver.py"
    with open(os.path.join(work, "has_framebuf.py"), "w") as f:
        f.write("import sys\nsys.path.insert(0, '')\ntry:\n    import framebuf\n    print('yes')\nexcept ImportError:\n    print('no')\n")
    _, out, _ = run(base + ["--headless", "--run", "has_framebuf.py"])
    if out.strip() != "yes":
        print("skip", t, "(the board has no framebuf module yet: ssd1306.py subclasses framebuf.FrameBuffer)")
        skipped += 1
    else:
        shot = os.path.join(work, "ssd1306_driver.png")
        args = base + board_args(os.path.join(work, t)) + ["--run", t, "--screenshot", shot, "--at-ms", "500"]
        if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
            args = ["xvfb-run", "-a"] + args
        elif not os.environ.get("DISPLAY"):
            args.insert(len(base), "--headless")
        code, out, err = run(args)
        buffers = [bytes.fromhex(line.split()[1]) for line in out.splitlines() if line.startswith(("I2C ", "SPI "))]
        why = None
        if len(buffers) != 2 or not os.path.exists(shot):
            why = "no framebuffers or no screenshot:\n" + out + err
        else:
            why = check_panels(shot, buffers)
        if why:
            print("FAIL", t, why)
            failed += 1
        else:
            print("pass", t, "(screenshot %s)" % shot)
            passed += 1
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
