#!/usr/bin/env python3
"""The real `microboard` with its SDL window, on a virtual X display (run under `xvfb-run -a`).

  - screenshots of the window (`--run SCRIPT --screenshot PNG --at-ms N`, clock fast) before and
    after `pyb.LED(1).on()`: the LED 1 rectangle (boards/pyboard-v11/layout.json, mm times the
    layout's scale, placed where the board's PCB colour starts in the picture) turns from dark to red;
  - `microboard --serial pty --clock fast` with its window: a synthetic mouse press (xdotool) on the
    USR button, computed the same way, is seen by `pyb.Switch()()` in a REPL loop on the PTY, and its
    release too;
  - Escape in the window ends the board: the process exits 0 and the flash image written by a
    script run from the PTY is clean (fsck.fat -n) and holds the file (mcopy);
  - pyb.LCD on the LCD32MK skin model (`--attach lcd32mk@X`): every pixel of the skin's panel in
    a screenshot matches what the script's lcd.get() reads (dark ink on the backlit glass), and
    with the backlight switched off the glass turns to its unlit colour;
  - the LCD160CR model (`--attach lcd160cr@X`): a screen erased to magenta fills its 128x160
    panel; a mouse press on the panel is a touch the frozen lcd160cr driver reads (get_touch at
    the display pixel under the mouse), and the release ends it.

usage: xvfb-run -a python3 Tests/window/run_window_tests.py --exe .build/debug/microboard [--keep DIR]
"""
import argparse
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "support"))
from boardpty import Pty  # noqa: E402
LAYOUT = json.load(open(os.path.join(ROOT, "boards", "pyboard-v11", "layout.json")))
ENV = dict(os.environ, LC_ALL="C.UTF-8", MTOOLS_SKIP_CHECK="1")
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("pass " if cond else "FAIL ") + name + ("" if cond else "\n    " + str(detail)[:2000].replace("\n", "\n    ")))


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) for an 8-bit RGB/RGBA non-interlaced PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
        prev = line
    return w, h, rows


def hex_rgb(s):
    return tuple(int(s[i:i + 2], 16) for i in (1, 3, 5))


def board_origin(rows):
    """The pixel of the board's (0, 0) mm corner: where the PCB colour's bounding box starts
    (the rounded corners leave the box's edges intact)."""
    pcb = hex_rgb(LAYOUT["pcb_colour"])
    xs, ys = [], []
    for y, row in enumerate(rows):
        for x, px in enumerate(row):
            if px == pcb:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys)) if xs else None


def mm_rect(rect, origin):
    s = LAYOUT["scale"]
    return (origin[0] + rect["x"] * s, origin[1] + rect["y"] * s, rect["w"] * s, rect["h"] * s)


def led_rect(n):
    return next(l["rect"] for l in LAYOUT["leds"] if l["id"] == n)


def button_rect(name):
    return next(b["rect"] for b in LAYOUT["buttons"] if b["name"] == name)


def mean_colour(rows, r):
    x0, y0, w, h = r
    # the inner half of the rectangle: away from outlines and glow edges
    xs = range(int(x0 + w / 4), int(x0 + 3 * w / 4))
    ys = range(int(y0 + h / 4), int(y0 + 3 * h / 4))
    px = [rows[y][x] for y in ys for x in xs]
    return tuple(sum(p[i] for p in px) / len(px) for i in range(3))


def screenshot(exe, work, script, at_ms, name, extra=()):
    src = os.path.join(work, name + ".py")
    with open(src, "w") as f:
        f.write(script)
    png = os.path.join(work, name + ".png")
    p = subprocess.run([exe, "--board", "pyboard-v11", "--clock", "fast"] + list(extra) +
                       ["--run", src, "--screenshot", png, "--at-ms", str(at_ms)],
                       capture_output=True, timeout=60, cwd=work, env=ENV)
    return p, png


def test_led_screenshots(exe, work):
    script = "import pyb\npyb.delay(200)\npyb.LED(1).on()\npyb.delay(5000)\n"
    shots = {}
    for name, at in (("led_off", 100), ("led_on", 400)):
        p, png = screenshot(exe, work, script, at, name)
        ok = p.returncode == 0 and os.path.exists(png)
        check("window screenshot at %d ms written" % at, ok, p.stdout.decode() + p.stderr.decode())
        if not ok:
            return
        shots[name] = read_png(png)
    w, h, off = shots["led_off"]
    check("screenshot is a whole window (%dx%d)" % (w, h), w >= 400 and h >= 400)
    origin = board_origin(off)
    check("the board's PCB colour is in the picture", origin is not None)
    if origin is None:
        return
    r = mm_rect(led_rect(1), origin)
    before = mean_colour(off, r)
    after = mean_colour(shots["led_on"][2], r)
    red = hex_rgb(next(l["colour"] for l in LAYOUT["leds"] if l["id"] == 1))
    print("    board origin %s, LED 1 at %s px: off %s, on %s" % (origin, tuple(round(v) for v in r),
          tuple(round(v) for v in before), tuple(round(v) for v in after)))
    # the renderer draws a lit LED's body in its colour at the LED's brightness (and a glow around
    # it): red channel well up, and well above green and blue
    check("LED 1 area is dark before pyb.LED(1).on()", max(before) < 100, before)
    check("LED 1 area is red after pyb.LED(1).on()",
          after[0] > before[0] + 60 and after[0] > 2 * after[1] and after[0] > 2 * after[2], after)
    # the other LEDs stay off: their own colour's channel does not rise (LED 1's red glow may reach them)
    for n in (2, 3, 4):
        r = mm_rect(led_rect(n), origin)
        a, b = mean_colour(off, r), mean_colour(shots["led_on"][2], r)
        colour = hex_rgb(next(l["colour"] for l in LAYOUT["leds"] if l["id"] == n))
        ch = colour.index(max(colour))
        check("LED %d stays off" % n, b[ch] - a[ch] < 25, (a, b))


# BoardRenderer's LCD glass colours: backlit, unlit
LCD_LIT = (0xE4, 0xEC, 0xF6)
LCD_UNLIT = (0x9C, 0xA3, 0x98)

LCD_SCRIPT = """import pyb
lcd = pyb.LCD('X')
lcd.light(True)
lcd.fill(0)
lcd.text('pyb.LCD', 8, 2, 1)
lcd.text('skin at X', 30, 14, 1)
for x in range(2, 126, 3):
    lcd.pixel(x, 26, 1)
for y in range(2, 30):
    lcd.pixel(125, y, 1)
lcd.show()
for y in range(32):
    print('ROW', ''.join(str(lcd.get(x, y)) for x in range(128)))
pyb.delay(600)
lcd.light(False)
pyb.delay(5000)
"""


def test_lcd_skin_screenshot(exe, work):
    shots = {}
    for name, at in (("lcd_lit", 400), ("lcd_unlit", 800)):
        p, png = screenshot(exe, work, LCD_SCRIPT, at, name, ["--attach", "lcd32mk@X"])
        ok = p.returncode == 0 and os.path.exists(png)
        check("LCD skin screenshot at %d ms written" % at, ok, p.stdout.decode() + p.stderr.decode())
        if not ok:
            return
        shots[name] = (p.stdout.decode(), read_png(png))
    out, (w, h, rows) = shots["lcd_lit"]
    want = [line.split()[1] for line in out.splitlines() if line.startswith("ROW ")]
    check("the script printed the LCD's 32 rows", len(want) == 32 and all(len(r) == 128 for r in want), out)
    if len(want) != 32:
        return
    # the glass: the backlit colour's bounding box; the last cell's gap column and row are glass,
    # so the right and bottom edges are exact, and the panel is 128x32 cells
    xs, ys = [], []
    for y, r in enumerate(rows):
        for x, px in enumerate(r):
            if px == LCD_LIT:
                xs.append(x)
                ys.append(y)
    check("the LCD panel's backlit glass is in the picture", xs, "no pixel of colour %s" % (LCD_LIT,))
    if not xs:
        return
    x1, y1 = max(xs), max(ys)
    s = round((x1 - min(xs) + 1) / 128)
    x0, y0 = x1 - 128 * s + 1, y1 - 32 * s + 1
    print("    LCD glass at (%d, %d), %d px per pixel" % (x0, y0, s))
    bad = []
    for y in range(32):
        for x in range(128):
            px = rows[y0 + y * s][x0 + x * s]
            dark = sum(px) < sum(LCD_LIT) - 150
            if dark != (want[y][x] == "1"):
                bad.append((x, y, px))
    check("every LCD pixel in the window matches lcd.get() (%d set)" % sum(r.count("1") for r in want), not bad, bad[:10])
    _, (_, _, off_rows) = shots["lcd_unlit"]
    check("with the backlight off the glass shows its unlit colour", off_rows[y1][x1] == LCD_UNLIT, off_rows[y1][x1])




def xdotool(*args):
    p = subprocess.run(["xdotool", *args], capture_output=True, timeout=20)
    return p.returncode, p.stdout.decode().strip()


def find_window(timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        rc, out = xdotool("search", "--onlyvisible", "--name", "microboard")
        if rc == 0 and out:
            return out.split()[0]
        time.sleep(0.2)
    return None


def test_mouse_and_escape(exe, work):
    img = os.path.join(work, "win.img")
    shot_png = os.path.join(work, "led_off.png")
    p = subprocess.Popen([exe, "--board", "pyboard-v11", "--serial", "pty", "--clock", "fast", "--flash", img],
                         cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    pty = None
    try:
        r, _, _ = select.select([p.stdout], [], [], 20)
        dev = p.stdout.readline().decode().strip() if r else ""
        check("windowed board prints its PTY", dev.startswith("/dev/"), dev)
        if not dev.startswith("/dev/"):
            return
        pty = Pty(dev)
        os.write(pty.fd, b"\x03")
        check("REPL prompt on the PTY", pty.read_until(b">>> ", 10) is not None, pty.buf)
        wid = find_window()
        check("xdotool finds the window by name", wid is not None)
        if wid is None:
            return
        # the board's position inside the window: the same as in the screenshot of the same window
        origin = board_origin(read_png(shot_png)[2]) if os.path.exists(shot_png) else None
        check("board origin known from a screenshot of the window", origin is not None)
        if origin is None:
            return
        x, y, w, h = mm_rect(button_rect("USR"), origin)
        cx, cy = int(x + w / 2), int(y + h / 2)
        pty.line("import pyb; sw = pyb.Switch()")
        out = pty.line("print('before', sw())")
        check("USR reads False before the press", out is not None and "before False" in out, out)
        # a loop that returns only once the switch is seen pressed
        os.write(pty.fd, b"while not sw(): pyb.delay(1)\r")
        pty.read_until(b"... ", 5)
        os.write(pty.fd, b"\r")
        time.sleep(0.3)
        xdotool("mousemove", "--window", wid, str(cx), str(cy))
        time.sleep(0.2)
        xdotool("mousedown", "1")
        loop_end = pty.read_until(b">>> ", 10)
        check("the polling loop ends when the mouse presses USR (pixel %d,%d)" % (cx, cy), loop_end is not None, pty.buf)
        out = pty.line("print('held', sw())")
        check("pyb.Switch()() is True while the mouse holds USR", out is not None and "held True" in out, out)
        xdotool("mouseup", "1")
        time.sleep(0.3)
        out = pty.line("print('released', sw())")
        check("pyb.Switch()() is False after the mouse lets go", out is not None and "released False" in out, out)
        # a file written on the board, then Escape in the window: the images are flushed on the way out
        out = pty.line("f = open('/flash/win.txt', 'w'); f.write('written before Escape\\n' * 50); f.close()")
        out = pty.line("f = open('/flash/unsynced.txt', 'w'); f.write('still open at Escape\\n')")
        xdotool("mousemove", "--window", wid, "5", "5")
        xdotool("key", "Escape")
        try:
            rc = p.wait(10)
        except subprocess.TimeoutExpired:
            rc = None
        check("Escape in the window ends the board with status 0", rc == 0, (rc, p.stderr.read() if rc is not None else ""))
        if rc is None:
            return
        f = subprocess.run(["fsck.fat", "-n", img], capture_output=True)
        check("fsck.fat -n clean after Escape", f.returncode == 0, f.stdout.decode() + f.stderr.decode())
        m = subprocess.run(["mcopy", "-n", "-i", img, "::/win.txt", "-"], capture_output=True, env=ENV)
        check("mcopy reads the file closed before Escape", m.stdout == b"written before Escape\n" * 50, m.stdout[:200])
    finally:
        if pty:
            pty.close()
        if p.poll() is None:
            p.kill()
            p.wait()


MAGENTA = (0xFF, 0x00, 0xFF)


def test_lcd160cr_touch(exe, work):
    script = ("import lcd160cr, pyb\nlcd = lcd160cr.LCD160CR('X')\n"
              "lcd.set_pen(0, lcd.rgb(255, 0, 255))\nlcd.erase()\npyb.delay(5000)\n")
    p, png = screenshot(exe, work, script, 500, "lcd160cr", ["--attach", "lcd160cr@X"])
    ok = p.returncode == 0 and os.path.exists(png)
    check("LCD160CR screenshot written", ok, p.stdout.decode() + p.stderr.decode())
    if not ok:
        return
    _, _, rows = read_png(png)
    pts = [(x, y) for y, r in enumerate(rows) for x, px in enumerate(r) if px == MAGENTA]
    x0, y0 = min(x for x, _ in pts), min(y for _, y in pts)
    w, h = max(x for x, _ in pts) - x0 + 1, max(y for _, y in pts) - y0 + 1
    check("the erased LCD160CR fills a 128x160 panel at 2 px per pixel (%dx%d at %d,%d)" % (w, h, x0, y0),
          (w, h) == (256, 320) and len(pts) == 256 * 320, (w, h, len(pts)))
    proc = subprocess.Popen([exe, "--board", "pyboard-v11", "--serial", "pty", "--clock", "fast",
                             "--attach", "lcd160cr@X"], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    pty = None
    try:
        r, _, _ = select.select([proc.stdout], [], [], 20)
        dev = proc.stdout.readline().decode().strip() if r else ""
        if not dev.startswith("/dev/"):
            check("windowed board with an LCD160CR prints its PTY", False, dev)
            return
        pty = Pty(dev)
        os.write(pty.fd, b"\x03")
        pty.read_until(b">>> ", 10)
        wid = find_window()
        check("xdotool finds the window with the LCD160CR", wid is not None)
        if wid is None:
            return
        pty.line("import lcd160cr, pyb; lcd = lcd160cr.LCD160CR('X')")
        out = pty.line("print('before', lcd.get_touch())")
        check("no touch before the mouse", out is not None and "before (0, 0, 0)" in out, out)
        os.write(pty.fd, b"while not lcd.is_touched(): pyb.delay(1)\r")
        pty.read_until(b"... ", 5)
        os.write(pty.fd, b"\r")
        time.sleep(0.3)
        tx, ty = 40, 50
        xdotool("mousemove", "--window", wid, str(x0 + 2 * tx + 1), str(y0 + 2 * ty + 1))
        time.sleep(0.2)
        xdotool("mousedown", "1")
        check("the polling loop ends when the mouse touches the panel", pty.read_until(b">>> ", 10) is not None, pty.buf)
        out = pty.line("print('held', lcd.get_touch())")
        check("get_touch() is (1, %d, %d) under the mouse" % (tx, ty), out is not None and "held (1, %d, %d)" % (tx, ty) in out, out)
        xdotool("mouseup", "1")
        time.sleep(0.3)
        out = pty.line("print('released', lcd.get_touch())")
        check("the release ends the touch, keeping its position", out is not None and "released (0, %d, %d)" % (tx, ty) in out, out)
        xdotool("mousemove", "--window", wid, "5", "5")
        xdotool("key", "Escape")
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            pass
    finally:
        if pty:
            pty.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=os.path.join(ROOT, ".build", "debug", "microboard"))
    ap.add_argument("--keep", help="keep the screenshots in this folder")
    a = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        print("no DISPLAY: run under xvfb-run -a")
        return 1
    if not shutil.which("xdotool"):
        print("xdotool missing (apt-get install xdotool)")
        return 1
    exe = os.path.abspath(a.exe)
    work = a.keep or tempfile.mkdtemp(prefix="mb-window-")
    os.makedirs(work, exist_ok=True)
    try:
        test_led_screenshots(exe, work)
        test_lcd_skin_screenshot(exe, work)
        test_mouse_and_escape(exe, work)
        test_lcd160cr_touch(exe, work)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    bad = results.count(False)
    print("window tests: %d passed, %d failed" % (results.count(True), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
