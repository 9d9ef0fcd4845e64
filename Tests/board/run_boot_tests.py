#!/usr/bin/env python3
"""The pyboard's boot sequence and boot modes on the emulated board (deterministic clock).

Each test prepares a flash image (with microboard itself: a --run script writes the files), then
boots the board interactively on stdio with stdin from a pipe (the REPL ends at EOF) and
`--led-log`, which writes every LED change with its virtual time to stderr. Expected LED states
come from the firmware's algorithm (ports/stm32/boardctrl.c: 600 ms per mode while USR is held,
6 confirmation flashes of 50 ms off / 50 ms on, a 400 ms pause; flash_error: red/green 250 ms,
4 times for boot.py, 3 for main.py), sampled at exact virtual times. Images are checked with
fsck.fat -n and read with mtools.

usage: run_boot_tests.py --exe .build/debug/microboard [-k NAME] [--keep]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

EXE = None
WORK = None
ENV = dict(os.environ, LC_ALL="C.UTF-8", MTOOLS_SKIP_CHECK="1")
BASE = ["--board", "pyboard-v11", "--headless", "--clock", "deterministic"]

MODE_MS = 600.0
CONFIRM_HALF = 50.0
CONFIRM_PAUSE = 400.0
ERROR_HALF = 250.0


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def run(args, stdin=b"", timeout=120):
    p = subprocess.run([EXE] + args, cwd=WORK, input=stdin, capture_output=True, timeout=timeout, env=ENV)
    out = p.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0:
        raise Failure("microboard crashed (signal %d)\n%s\n%s" % (-p.returncode, out[-2000:], err[-2000:]))
    return p.returncode, out, err


def image(name, files, sd=False):
    """A flash image (or SD image, 1 MB) holding `files` (name -> bytes), written by the board."""
    img = os.path.join(WORK, name)
    if os.path.exists(img):
        os.remove(img)
    lines = ["import os"]
    root = "/sd" if sd else "/flash"
    for path, data in files.items():
        parts = path.split("/")[:-1]
        for i in range(len(parts)):
            lines.append("try:\n    os.mkdir(%r)\nexcept OSError:\n    pass" % (root + "/" + "/".join(parts[: i + 1])))
        lines.append("with open(%r, 'wb') as f: f.write(%r)" % (root + "/" + path, data))
    script = os.path.join(WORK, "setup.py")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    if sd:
        flash = os.path.join(WORK, "sd-setup-flash.img")
        args = BASE + ["--flash", flash, "--sd", img, "--sd-size", "1M", "--run", script]
    else:
        args = BASE + ["--flash", img, "--run", script]
    rc, out, err = run(args)
    check(rc == 0, "image setup failed:\n" + out + err)
    fsck(img)
    return img


def fsck(img):
    p = subprocess.run(["fsck.fat", "-n", img], capture_output=True, env=ENV)
    text = p.stdout.decode() + p.stderr.decode()
    check(p.returncode == 0, "fsck.fat -n %s: status %d\n%s" % (img, p.returncode, text))


def mcopy(img, path):
    p = subprocess.run(["mcopy", "-n", "-i", img, "::" + path, "-"], capture_output=True, env=ENV)
    check(p.returncode == 0, "mcopy %s: %s" % (path, p.stderr.decode()))
    return p.stdout


def mdir(img):
    p = subprocess.run(["mdir", "-b", "-i", img, "::/"], capture_output=True, env=ENV)
    return sorted(os.path.basename(l.rstrip("/")) for l in p.stdout.decode().split())


def led_log(err):
    """[(ms, (red, green, orange, blue))]: the last state logged at each instant."""
    out = []
    for m in re.finditer(r"microboard: leds at ([0-9.]+) ms: ([0-9. ]+)", err):
        t = float(m.group(1))
        state = tuple(float(v) for v in m.group(2).split())
        if out and out[-1][0] == t:
            out[-1] = (t, state)
        else:
            out.append((t, state))
    check(out, "no LED log in stderr:\n" + err[-2000:])
    return out


def led_at(log, t):
    state = None
    for when, s in log:
        if when <= t:
            state = s
    return state


def mode_leds(mode):
    """(red, green, orange, blue) while a reset mode shows: its number in binary on LEDs 2, 3, 4."""
    return (None, float(mode & 1), float(bool(mode & 2)), float(bool(mode & 4)))


def expected_selection(reset_ms, release_ms):
    """[(start, end, leds)] of update_reset_mode when USR is held from reset_ms to release_ms."""
    spans = []
    mode, t = 1, reset_ms
    while True:
        end = t + MODE_MS
        if release_ms < end:
            # the switch is polled every 20 ms: the release is seen at the next poll
            seen = reset_ms + 20.0 * -(-(release_ms - reset_ms) // 20.0)
            spans.append((t, seen, mode_leds(mode)))
            t = seen
            break
        spans.append((t, end, mode_leds(mode)))
        t = end
        mode = 1 if mode == 3 else mode + 1
    for _ in range(6):
        spans.append((t, t + CONFIRM_HALF, mode_leds(0)))
        spans.append((t + CONFIRM_HALF, t + 2 * CONFIRM_HALF, mode_leds(mode)))
        t += 2 * CONFIRM_HALF
    spans.append((t, t + CONFIRM_PAUSE, mode_leds(mode)))
    return mode, spans, t + CONFIRM_PAUSE


def check_spans(log, spans, what):
    """Samples every span at 1 ms after its start, its middle and 1 ms before its end."""
    for start, end, leds in spans:
        for t in (start + 1, (start + end) / 2, end - 1):
            got = led_at(log, t)
            check(got is not None, "%s: no LED state at %.1f ms" % (what, t))
            for i, want in enumerate(leds):
                if want is not None:
                    check(got[i] == want, "%s: at %.1f ms LEDs are %r, expected %r (span %.0f-%.0f)"
                          % (what, t, got, leds, start, end))


USER_BOOT = b"import sys\nprint('boot.py ran from', __file__)\nsys.boot_marker = 1\n"
# main.py runs for 150 ms, so a scripted RST at 100 ms finds the board running it
USER_MAIN = b"print('main.py ran; boot.py ran first:', hasattr(__import__('sys'), 'boot_marker'))\nimport pyb\npyb.delay(150)\n"
FACTORY_BOOT = (b"# boot.py -- run on boot to configure USB and filesystem\r\n# Put app code in main.py\r\n\r\n"
                b"import machine\r\nimport pyb\r\n#pyb.main('main.py') # main script to run after this one\r\n"
                b"#pyb.usb_mode('VCP+MSC') # act as a serial and a storage device\r\n"
                b"#pyb.usb_mode('VCP+HID') # act as a serial device and a mouse\r\n")


def user_image(name="user.img"):
    return image(name, {"boot.py": USER_BOOT, "main.py": USER_MAIN, "mine.txt": b"user data\n"})


def boot_with_usr(img, press_args, reset_ms, release_ms, what):
    rc, out, err = run(BASE + ["--flash", img, "--serial", "stdio", "--led-log"] + press_args)
    check(rc == 0, "%s: status %d\n%s" % (what, rc, out + err[-2000:]))
    log = led_log(err)
    mode, spans, end = expected_selection(reset_ms, release_ms)
    check_spans(log, spans, what)
    return mode, out, log, end


def test_standard_mode_usr_held_briefly():
    img = user_image()
    mode, out, log, end = boot_with_usr(img, ["--press", "USR:0:300"], 0, 300, "standard")
    check(mode == 1, "mode %d" % mode)
    b, m = out.find("boot.py ran from boot.py"), out.find("main.py ran; boot.py ran first: True")
    check(0 <= b < m, "boot.py then main.py run in standard mode:\n" + out)
    check(out.rstrip().endswith(">>>"), "the REPL follows main.py:\n" + out)
    # the soft-reset loop starts after the pause: green on, then off after boot.py
    check(led_at(log, end + 1)[1:] == (0, 0, 0), "LEDs 2-4 off after boot.py %r" % (led_at(log, end + 1),))
    fsck(img)


def test_safe_mode_skips_both_scripts():
    img = user_image()
    mode, out, log, end = boot_with_usr(img, ["--boot-mode", "safe"], 0, 900, "safe")
    check(mode == 2, "mode %d" % mode)
    check("boot.py ran" not in out and "main.py ran" not in out, "safe mode ran a script:\n" + out)
    check("Type \"help()\"" in out, "the REPL starts:\n" + out)
    check(mcopy(img, "/mine.txt") == b"user data\n", "safe mode keeps the files")


def test_filesystem_reset_held_across_rst():
    img = user_image()
    # USR pressed at 50 ms, RST at 100 ms (a hard reset: boot again with USR held), released at 1550
    mode, out, log, end = boot_with_usr(img, ["--press", "USR:50:1500", "--press", "RST:100"], 100, 1550, "reset")
    check(mode == 3, "mode %d" % mode)
    check(out.count("boot.py ran from") == 1 and out.count("main.py ran") == 1,
          "the user's scripts ran before RST only (then the factory ones):\n" + out)
    check(mdir(img) == sorted(["boot.py", "main.py", "pybcdc.inf", "README.txt"]), "factory files %r" % mdir(img))
    check(mcopy(img, "/boot.py") == FACTORY_BOOT, "factory boot.py:\n%r" % mcopy(img, "/boot.py"))
    check(mcopy(img, "/main.py") == b"# main.py -- put your code here!\r\n", "factory main.py")
    readme = mcopy(img, "/README.txt")
    check(readme.startswith(b"This is a MicroPython board\r\n") and readme.endswith(b"For online docs please visit http://docs.micropython.org/\r\n"), "README.txt %r" % readme)
    inf = mcopy(img, "/pybcdc.inf")
    check(b"USB\\VID_f055&PID_9800&MI_00" in inf and inf.count(b"\r\n") == inf.count(b"\n"), "pybcdc.inf ids/CRLF")
    # factory_reset_create_filesystem keeps green on for 200 ms, then off
    check(led_at(log, end + 100)[1] == 1 and led_at(log, end + 201)[1] == 0, "green LED during the filesystem reset")
    fsck(img)


def test_no_usr_boots_normally_after_rst():
    img = user_image()
    rc, out, err = run(BASE + ["--flash", img, "--serial", "stdio", "--led-log", "--press", "RST:100"])
    check(out.count("boot.py ran from") == 2 and out.count("main.py ran") == 2, "RST during main.py: booted twice\n" + out)
    log = led_log(err)
    check(led_at(log, 100.5)[1:] == (0, 0, 0), "no mode display without USR: %r" % (led_at(log, 100.5),))


def test_boot_py_error_flashes_4_and_skips_main():
    img = image("booterr.img", {"boot.py": b"print('boot')\nraise ValueError('bad config')\n", "main.py": b"print('main')\n"})
    rc, out, err = run(BASE + ["--flash", img, "--serial", "stdio", "--led-log"])
    check("boot\nTraceback (most recent call last):\n  File \"boot.py\", line 2, in <module>\nValueError: bad config\n" in out, out)
    check("main" not in out.replace("main.py", ""), "main.py runs after a boot.py error:\n" + out)
    log = led_log(err)
    spans = []
    for i in range(4):
        spans.append((i * 2 * ERROR_HALF, (i * 2 + 1) * ERROR_HALF, (1, 0, None, None)))
        spans.append(((i * 2 + 1) * ERROR_HALF, (i * 2 + 2) * ERROR_HALF, (0, 1, None, None)))
    spans.append((8 * ERROR_HALF, 8 * ERROR_HALF + 50, (0, 0, 0, 0)))
    check_spans(log, spans, "boot.py error")


def test_main_py_error_flashes_3_then_repl():
    img = image("mainerr.img", {"main.py": b"import pyb\npyb.delay(30)\n1/0\n"})
    rc, out, err = run(BASE + ["--flash", img, "--serial", "stdio", "--led-log"], stdin=b"print('after')\r")
    check("ZeroDivisionError: divide by zero\n" in out and "after\n" in out, out)
    log = led_log(err)
    spans = []
    for i in range(3):
        spans.append((30 + i * 2 * ERROR_HALF, 30 + (i * 2 + 1) * ERROR_HALF, (1, 0, None, None)))
        spans.append((30 + (i * 2 + 1) * ERROR_HALF, 30 + (i * 2 + 2) * ERROR_HALF, (0, 1, None, None)))
    spans.append((30 + 6 * ERROR_HALF, 30 + 6 * ERROR_HALF + 50, (0, 0, 0, 0)))
    check_spans(log, spans, "main.py error")


def test_pyb_main_and_soft_reset_loop():
    img = image("pybmain.img", {
        "boot.py": b"import pyb\npyb.main('app.py')\nprint('boot', pyb.usb_mode())\n",
        "main.py": b"print('main.py must not run')\n",
        "app.py": b"import sys\nprint('app', __file__, sys.path)\n",
    })
    rc, out, err = run(BASE + ["--flash", img, "--serial", "stdio"], stdin=b"\x04")
    runs = out.count("app app.py ['', '.frozen', '/flash', '/flash/lib']")
    check(runs == 2 and "must not run" not in out, "pyb.main's file runs at each boot:\n" + out)
    check("MPY: sync filesystems\nMPY: soft reboot\nboot VCP+MSC\n" in out, "soft reset lines:\n" + out)


def test_sd_card_boot_and_skipsd():
    sd = image("sd.img", {"boot.py": b"import os, sys\nprint('sd boot', os.getcwd(), os.listdir('/'), sys.path)\n"}, sd=True)
    flash = image("flash-sd.img", {"boot.py": b"import os, sys\nprint('flash boot', os.getcwd(), os.listdir('/'), sys.path)\n"})
    rc, out, err = run(BASE + ["--flash", flash, "--sd", sd, "--serial", "stdio"])
    check("sd boot /sd ['flash', 'sd'] ['', '.frozen', '/sd', '/sd/lib', '/flash', '/flash/lib']" in out, out)
    check("flash boot" not in out, "boot.py comes from the card:\n" + out)
    # /flash/SKIPSD: the card is not mounted at all
    flash2 = image("flash-skipsd.img", {"SKIPSD": b"", "boot.py": b"import os, sys, pyb\nprint('flash boot', os.getcwd(), os.listdir('/'), sys.path, pyb.SDCard().present())\n"})
    rc, out, err = run(BASE + ["--flash", flash2, "--sd", sd, "--serial", "stdio"])
    check("flash boot /flash ['flash'] ['', '.frozen', '/flash', '/flash/lib'] True" in out, out)
    fsck(sd)
    fsck(flash2)


def test_files_written_at_run_are_clean():
    img = image("write.img", {})
    script = os.path.join(WORK, "writer.py")
    with open(script, "w") as f:
        f.write("import os, pyb\n"
                "red = pyb.Pin('LED_RED')\n"
                "f = open('/flash/data.bin', 'wb')\n"
                "f.write(bytes(range(256)) * 20)\n"
                "print('dirty while open:', red.value())\n"
                "f.close()\n"
                "print('clean after close:', red.value())\n"
                "os.mkdir('/flash/lib')\n"
                "with open('/flash/lib/mod.py', 'w') as g: g.write('X = 42\\n')\n"
                "import mod\n"
                "print('import from /flash/lib:', mod.X)\n")
    rc, out, err = run(BASE + ["--flash", img, "--led-log", "--run", script])
    check(out == "dirty while open: 1\nclean after close: 0\nimport from /flash/lib: 42\n", out + err[-1000:])
    log = led_log(err)
    check(any(s[0] == 1 for _, s in log), "the red LED lit while the cache was dirty")
    check(mcopy(img, "/data.bin") == bytes(range(256)) * 20, "data.bin byte-identical")
    fsck(img)


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_")]


def main():
    global EXE, WORK
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("-k", default="")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    EXE = os.path.abspath(a.exe)
    for tool in ("fsck.fat", "mcopy", "mdir"):
        if not shutil.which(tool):
            print("missing %s (apt-get install dosfstools mtools)" % tool)
            return 1
    WORK = tempfile.mkdtemp(prefix="boot-tests-")
    failed = 0
    tests = [t for t in TESTS if a.k in t.__name__]
    for t in tests:
        try:
            t()
            print("pass", t.__name__)
        except Exception as e:
            failed += 1
            print("FAIL", t.__name__)
            print("   ", str(e).replace("\n", "\n    ") if isinstance(e, Failure) else traceback.format_exc())
    if not a.keep:
        shutil.rmtree(WORK, ignore_errors=True)
    print("%d/%d boot tests passed" % (len(tests) - failed, len(tests)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
