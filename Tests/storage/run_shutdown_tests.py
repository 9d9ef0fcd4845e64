#!/usr/bin/env python3
"""Stopping the board from outside loses nothing that was closed or flushed, and leaves clean images.

  - SIGTERM to `microboard --serial pty --headless --flash IMG` while files are open on the board:
    the process exits promptly with status 0, fsck.fat -n finds the image clean, and the files
    (a flushed one, a closed one and one still open with unflushed data) are in it (mcopy);
  - SIGKILL in the middle of a loop writing files one by one (each closed before its name is
    printed), on /flash and on /sd: fsck.fat -n is clean, every file whose name was printed is in
    the image byte-identical (mcopy), and the board boots again on the images and reads them.

usage: run_shutdown_tests.py --exe .build/debug/microboard
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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from boardpty import Pty  # noqa: E402

ENV = dict(os.environ, LC_ALL="C.UTF-8", MTOOLS_SKIP_CHECK="1")
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("pass " if cond else "FAIL ") + name + ("" if cond else "\n    " + str(detail)[:2000].replace("\n", "\n    ")))


def mcopy(img, path):
    p = subprocess.run(["mcopy", "-n", "-i", img, "::" + path, "-"], capture_output=True, env=ENV)
    return p.stdout if p.returncode == 0 else None


def fsck(img):
    p = subprocess.run(["fsck.fat", "-n", img], capture_output=True, env=ENV)
    return p.returncode, p.stdout.decode() + p.stderr.decode()




def test_sigterm(exe, work):
    img = os.path.join(work, "term.img")
    p = subprocess.Popen([exe, "--board", "pyboard-v11", "--serial", "pty", "--headless", "--flash", img],
                         cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    try:
        r, _, _ = select.select([p.stdout], [], [], 20)
        dev = p.stdout.readline().decode().strip() if r else ""
        check("board prints its PTY", dev.startswith("/dev/"), dev)
        if not dev.startswith("/dev/"):
            return
        pty = Pty(dev)
        os.write(pty.fd, b"\x03")
        pty.read_until(b">>> ", 10)
        pty.line("a = open('/flash/flushed.txt', 'w'); a.write('flushed line\\n' * 100); a.flush()")
        pty.line("b = open('/flash/closed.bin', 'wb'); b.write(bytes(range(256)) * 40); b.close()")
        out = pty.line("c = open('/flash/open.txt', 'w'); c.write('never flushed\\n')")
        check("files written over the PTY", out is not None and "Error" not in out, out)
        t0 = time.time()
        p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(5)
        except subprocess.TimeoutExpired:
            rc = None
        took = time.time() - t0
        os.close(pty.fd)
        check("SIGTERM ends the board promptly with status 0 (%.2f s)" % took, rc == 0, (rc, took))
        rc, text = fsck(img)
        check("fsck.fat -n clean after SIGTERM", rc == 0, text)
        check("the flushed file is in the image", mcopy(img, "/flushed.txt") == b"flushed line\n" * 100)
        check("the closed file is in the image", mcopy(img, "/closed.bin") == bytes(range(256)) * 40)
        check("the file still open at SIGTERM is written out on the way down",
              mcopy(img, "/open.txt") == b"never flushed\n", mcopy(img, "/open.txt"))
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


WRITER = """\
import os
base = %r
try:
    os.mkdir(base)
except OSError:
    pass
i = 0
while True:
    name = base + '/f%%04d.txt' %% i
    with open(name, 'w') as f:
        for k in range(%d):
            f.write('%%s line %%d\\n' %% (name, k))
    print('closed', name)
    i += 1
"""


def expected(name, lines):
    return "".join("%s line %d\n" % (name, k) for k in range(lines)).encode()


def test_sigkill(exe, work, where, lines):
    flash = os.path.join(work, "kill_flash_%s.img" % where.strip("/"))
    sd = os.path.join(work, "kill_sd_%s.img" % where.strip("/"))
    script = os.path.join(work, "writer_%s.py" % where.strip("/"))
    with open(script, "w") as f:
        f.write(WRITER % (where + "/data", lines))
    # make the images (the flash one formatted with the factory files) before the killed run
    prep = os.path.join(work, "prep.py")
    with open(prep, "w") as f:
        f.write("import os\nprint(os.listdir('/'))\n")
    args = ["--board", "pyboard-v11", "--headless", "--flash", flash, "--sd", sd, "--sd-size", "8M"]
    subprocess.run([exe, *args, "--run", prep], check=True, capture_output=True, timeout=60, cwd=work)
    p = subprocess.Popen([exe, *args, "--run", script], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         env=ENV)
    names = []
    buf = b""
    end = time.time() + 60
    while len(names) < 25 and time.time() < end:
        r, _, _ = select.select([p.stdout], [], [], 1)
        if r:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            buf += chunk
            *done, buf = buf.split(b"\n")
            names += [l.decode().split()[1] for l in done if l.startswith(b"closed ")]
    p.send_signal(signal.SIGKILL)
    p.wait()
    check("%s writer printed files before SIGKILL (%d)" % (where, len(names)), len(names) >= 25, buf[-500:])
    img = flash if where == "/flash" else sd
    rc, text = fsck(img)
    check("fsck.fat -n clean on the %s image after SIGKILL mid-loop" % where, rc == 0, text)
    bad = [n for n in names if mcopy(img, n[len(where):]) != expected(n, lines)]
    check("every %s file closed before SIGKILL is intact (mcopy, %d files)" % (where, len(names)), not bad, bad[:5])
    # the board boots again on the images and reads what it wrote
    reader = os.path.join(work, "reader.py")
    with open(reader, "w") as f:
        f.write("import os\nfor n in %r:\n    with open(n) as f:\n        d = f.read()\n"
                "    print(n, len(d), d.count('\\n'))\n" % names)
    out = subprocess.run([exe, *args, "--run", reader], capture_output=True, timeout=60, cwd=work)
    want = "".join("%s %d %d\n" % (n, len(expected(n, lines)), lines) for n in names)
    check("the board boots again and reads every %s file" % where, out.stdout.decode() == want,
          out.stdout.decode()[-800:] + out.stderr.decode())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=".build/debug/microboard")
    a = ap.parse_args()
    exe = os.path.abspath(a.exe)
    for tool in ("fsck.fat", "mcopy"):
        if not shutil.which(tool):
            print("%s missing (apt-get install dosfstools mtools)" % tool)
            return 1
    work = tempfile.mkdtemp(prefix="mb-shutdown-")
    try:
        test_sigterm(exe, work)
        test_sigkill(exe, work, "/flash", 20)
        test_sigkill(exe, work, "/sd", 60)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bad = results.count(False)
    print("shutdown tests: %d passed, %d failed" % (results.count(True), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
