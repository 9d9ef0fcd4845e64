#!/usr/bin/env python3
"""The running board's flash image checked by real peers while the board is up.

`microboard --board pyboard-v11 --serial pty --headless --flash IMG` runs the board with its REPL
on a PTY:
  - mpremote `fs cp` / `fs ls :` write and list files; mcopy (mtools) reads them back from the
    image byte-identical, and fsck.fat -n finds the image clean;
  - over pyserial, what a file's flush() and os.sync() must have written to the host image is
    there while the board keeps running (flush: the file data; os.sync(): raw blocks written with
    pyb.Flash().writeblocks), and the red LED state (the dirty flash cache) is read back with
    pyb.Pin('LED_RED').

usage: run_board_storage_tests.py --exe .build/debug/microboard
"""
import argparse
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ENV = dict(os.environ, LC_ALL="C.UTF-8", MTOOLS_SKIP_CHECK="1")
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("pass " if cond else "FAIL ") + name + ("" if cond else "\n    " + str(detail)[:3000].replace("\n", "\n    ")))


def start_board(exe, img, work):
    p = subprocess.Popen([exe, "--board", "pyboard-v11", "--serial", "pty", "--headless", "--flash", img],
                         cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    r, _, _ = select.select([p.stdout], [], [], 20)
    line = p.stdout.readline().decode().strip() if r else ""
    return p, line


def stop(p):
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def mcopy(img, path):
    p = subprocess.run(["mcopy", "-n", "-i", img, "::" + path, "-"], capture_output=True, env=ENV)
    return p.stdout if p.returncode == 0 else None


def fsck(img):
    p = subprocess.run(["fsck.fat", "-n", img], capture_output=True, env=ENV)
    return p.returncode, p.stdout.decode() + p.stderr.decode()


def mpremote(dev, *args, cwd=None):
    p = subprocess.run(["mpremote", "connect", dev, *args], capture_output=True, timeout=120, cwd=cwd)
    return p.returncode, p.stdout.decode("utf-8", "replace").replace("\r\n", "\n"), p.stderr.decode("utf-8", "replace")


def repl(ser, line, timeout=10.0):
    """Sends one line to the friendly REPL; returns its output up to the next prompt."""
    ser.reset_input_buffer()
    ser.write(line.encode() + b"\r")
    data = b""
    end = time.time() + timeout
    while time.time() < end and not data.endswith(b"\r\n>>> "):
        data += ser.read(1)
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    lines = text.split("\n")
    return "\n".join(lines[1:-1])


def test_mpremote_fs(exe, work):
    img = os.path.join(work, "mp.img")
    # a main.py that never returns: mpremote's Ctrl-C must stop it (pyexec lets ^C through)
    setup = os.path.join(work, "setup.py")
    with open(setup, "w") as f:
        f.write("with open('/flash/main.py', 'w') as f: f.write('while True:\\n    pass\\n')\n")
    subprocess.run([exe, "--board", "pyboard-v11", "--headless", "--flash", img, "--run", setup], check=True, cwd=work)
    p, dev = start_board(exe, img, work)
    try:
        check("board prints its PTY", dev.startswith("/dev/"), dev)
        payloads = {
            "hello.txt": b"hello from the host\n",
            "bin.dat": bytes((i * 7 + 3) & 255 for i in range(70000)),
            "empty.txt": b"",
        }
        for name, data in payloads.items():
            with open(os.path.join(work, name), "wb") as f:
                f.write(data)
        time.sleep(0.5)   # main.py is looping by now
        rc, out, err = mpremote(dev, "fs", "cp", "hello.txt", ":hello.txt", "+", "fs", "cp", "bin.dat", ":bin.dat",
                                "+", "fs", "cp", "empty.txt", ":empty.txt", cwd=work)
        check("mpremote interrupts main.py and copies files to the board", rc == 0, out + err)
        rc, out, err = mpremote(dev, "fs", "mkdir", ":lib", "+", "fs", "cp", "hello.txt", ":lib/deep.txt", cwd=work)
        check("mpremote fs mkdir + cp into it", rc == 0, out + err)
        rc, out, err = mpremote(dev, "fs", "ls", ":")
        names = [l.split()[-1] for l in out.splitlines() if l.strip() and not l.startswith("ls")]
        want = {"boot.py", "main.py", "pybcdc.inf", "README.txt", "hello.txt", "bin.dat", "empty.txt", "lib/"}
        check("mpremote fs ls : lists the factory files and the copies", rc == 0 and want <= set(names), out + err)
        for name, data in payloads.items():
            got = mcopy(img, "/" + name)
            check("mcopy reads %s byte-identical (board still running)" % name, got == data,
                  "got %r bytes" % (None if got is None else len(got)))
        check("mcopy reads lib/deep.txt", mcopy(img, "/lib/deep.txt") == payloads["hello.txt"])
        rc, text = fsck(img)
        check("fsck.fat -n clean after mpremote's writes", rc == 0, text)
        rc, out, err = mpremote(dev, "exec", "import os; print(os.listdir('/'), os.getcwd())")
        check("os.listdir('/') is the board's root", rc == 0 and "['flash'] /flash" in out, out + err)
    finally:
        stop(p)


def test_flush_and_sync_reach_the_image(exe, work):
    import serial
    img = os.path.join(work, "live.img")
    p, dev = start_board(exe, img, work)
    try:
        ser = serial.Serial(dev, 115200, timeout=0.2)
        ser.write(b"\x03")
        time.sleep(0.3)
        repl(ser, "import os, pyb")
        repl(ser, "red = pyb.Pin('LED_RED')")
        repl(ser, "f = open('/flash/log.txt', 'w')")
        repl(ser, "f.write('first line\\n' * 40)")
        dirty = repl(ser, "red.value()")
        check("red LED on while the flash cache is dirty", dirty.strip() == "1", dirty)
        repl(ser, "f.flush()")
        clean = repl(ser, "red.value()")
        check("red LED off after flush()", clean.strip() == "0", clean)
        check("flush(): the data is in the host image while the file stays open",
              mcopy(img, "/log.txt") == b"first line\n" * 40, mcopy(img, "/log.txt"))
        repl(ser, "f.write('second\\n')")
        repl(ser, "f.close()")
        check("close(): the rest is in the host image", mcopy(img, "/log.txt") == b"first line\n" * 40 + b"second\n")
        # raw blocks: the last block of the flash area is a free cluster of a fresh filesystem
        repl(ser, "fl = pyb.Flash(start=0, len=224 * 512)")
        repl(ser, "fl.writeblocks(223, bytes(range(256)) * 2)")
        before = open(img, "rb").read()[223 * 512:224 * 512]
        repl(ser, "os.sync()")
        after = open(img, "rb").read()[223 * 512:224 * 512]
        check("os.sync(): raw block writes reach the host image", after == bytes(range(256)) * 2 and before != after,
              "before sync %r..., after %r..." % (before[:8], after[:8]))
        ser.close()
        rc, text = fsck(img)
        check("fsck.fat -n clean after the live writes", rc == 0, text)
    finally:
        stop(p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    a = ap.parse_args()
    exe = os.path.abspath(a.exe)
    for tool in ("fsck.fat", "mcopy", "mpremote"):
        if not shutil.which(tool):
            print("missing %s" % tool)
            return 1
    work = tempfile.mkdtemp(prefix="board-storage-")
    try:
        test_mpremote_fs(exe, work)
        test_flush_and_sync_reach_the_image(exe, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d/%d board storage checks passed" % (sum(results), len(results)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
