#!/usr/bin/env python3
"""Figures for the emulated pyboard (`microboard --board pyboard-v11 --headless`), one run each:

  delay     realtime clock: wall time of `pyb.delay(10000)` (must be within 1% of 10 s)
  budget    realtime clock: a busy `for` loop for 2 s of virtual time; iterations per virtual second
            against the cost table (3 instructions an iteration at board.json costs.cyclesPerOp, 168
            MHz), and whether the host kept up (virtual time / wall time)
  pystone   deterministic clock: Pystone 1.2's Proc0(300) (PyPI micropython-pystone, fetched) in
            virtual time against a real PYBv1.0's 162376 us for the same work (perf_bench
            misc_pystone at N=100 M=100, micropython/micropython PR #4858)
  fast      --clock fast: a CPU-bound script's virtual time / wall time (the speed-up over real time)
  idle      the board idling at the REPL (--serial pty, realtime clock): CPU use over 10 s from
            /proc/PID/stat (must be < 2% of one core)
  storage   write a 1 MB file on /sd and read it 10 times, and 500 small files on /flash (5 rounds of 100:
            the drive has 180 free clusters) (wall time; KB/s, files/s)

Wall times come from lines the board prints (stdout is written as it comes), timed on the host.
usage: python3 Benchmarks/board_bench.py [--exe .build/release/microboard] [NAME ...]
"""
import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOARD = json.load(open(os.path.join(ROOT, "boards", "pyboard-v11", "board.json")))
HZ = 168_000_000
failures = []


def timed_lines(cmd, work, timeout=300):
    """Runs cmd; returns [(host_time, line)] for each stdout line as it arrives, and the status."""
    p = subprocess.Popen(cmd, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, buf = [], b""
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([p.stdout], [], [], 0.5)
        if r:
            chunk = os.read(p.stdout.fileno(), 65536)
            now = time.time()
            if not chunk:
                break
            buf += chunk
            *lines, buf = buf.split(b"\n")
            out += [(now, l.decode("utf-8", "replace").rstrip("\r")) for l in lines]
    p.wait(10)
    return out, p.returncode


def run_script(exe, work, source, clock, extra=()):
    path = os.path.join(work, "bench_%d.py" % abs(hash(source)))
    with open(path, "w") as f:
        f.write(source)
    return timed_lines([exe, "--board", "pyboard-v11", "--headless", "--clock", clock, *extra, "--run", path], work)


def marks(lines):
    """{name: (host_time, fields)} for lines 'MARK name fields...'."""
    d = {}
    for t, l in lines:
        if l.startswith("MARK "):
            parts = l.split()
            d[parts[1]] = (t, parts[2:])
    return d


def report(name, text, ok=True):
    print("%-8s %s%s" % (name, text, "" if ok else "   <-- FAIL"))
    if not ok:
        failures.append(name)


def bench_delay(exe, work):
    lines, rc = run_script(exe, work, "import pyb\nprint('MARK a')\npyb.delay(10000)\nprint('MARK b')\n", "realtime")
    m = marks(lines)
    if "a" not in m or "b" not in m:
        return report("delay", "no marks (status %s): %s" % (rc, lines[-3:]), False)
    wall = m["b"][0] - m["a"][0]
    err = (wall - 10.0) / 10.0 * 100
    report("delay", "pyb.delay(10000) took %.4f s of wall time (%+.2f%%)" % (wall, err), abs(err) < 1.0)


BUSY = """\
import time
n = 0
t0 = time.ticks_us()
print('MARK a')
while time.ticks_diff(time.ticks_us(), t0) < %d:
    for i in range(1000):
        pass
    n += 1000
us = time.ticks_diff(time.ticks_us(), t0)
print('MARK b', n, us)
"""


def bench_budget(exe, work):
    cpt = BOARD["costs"]["cyclesPerOp"] * 3      # FOR_ITER, STORE, JUMP
    lines, rc = run_script(exe, work, BUSY % 2_000_000, "realtime")
    m = marks(lines)
    if "b" not in m:
        return report("budget", "no result (status %s): %s" % (rc, lines[-3:]), False)
    n, us = int(m["b"][1][0]), int(m["b"][1][1])
    wall = m["b"][0] - m["a"][0]
    rate = n / (us / 1e6)
    want = HZ / cpt
    report("budget", "%d loop iterations in %.3f s virtual: %.0f it/s; cost table %d cycles/iteration at 168 MHz "
           "= %.0f it/s (%+.1f%%); wall %.3f s (host kept up: virtual/wall %.3f)"
           % (n, us / 1e6, rate, cpt, want, (rate / want - 1) * 100, wall, us / 1e6 / wall),
           abs(rate / want - 1) < 0.05)


def bench_fast(exe, work):
    src = BUSY % 20_000_000
    lines, rc = run_script(exe, work, src, "fast")
    m = marks(lines)
    if "b" not in m:
        return report("fast", "no result (status %s): %s" % (rc, lines[-3:]), False)
    n, us = int(m["b"][1][0]), int(m["b"][1][1])
    wall = m["b"][0] - m["a"][0]
    report("fast", "--clock fast: %.2f s virtual in %.3f s wall = %.2fx real time (%.0f loop it/s on the host)"
           % (us / 1e6, wall, us / 1e6 / wall, n / wall))


def cpu_seconds(pid):
    # the threads' times add up in the process's utime + stime (fields 14 and 15)
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_idle(exe, work):
    img = os.path.join(work, "idle.img")
    p = subprocess.Popen([exe, "--board", "pyboard-v11", "--headless", "--serial", "pty", "--flash", img],
                         cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        select.select([p.stdout], [], [], 20)
        p.stdout.readline()
        time.sleep(2)   # past boot
        c0, t0 = cpu_seconds(p.pid), time.time()
        time.sleep(10)
        c1, t1 = cpu_seconds(p.pid), time.time()
        pct = (c1 - c0) / (t1 - t0) * 100
        report("idle", "REPL idle: %.2f s CPU in %.1f s = %.2f%% of one core" % (c1 - c0, t1 - t0, pct), pct < 2.0)
    finally:
        p.terminate()
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


STORAGE = """\
import os
t = 0
data = bytes(range(256)) * 4
print('MARK w0')
with open('/sd/big.bin', 'wb') as f:
    for i in range(1024):
        f.write(data)
os.sync()
print('MARK w1')
n = 0
for k in range(10):     # ten reads: one takes less than the host's line timing resolves
    with open('/sd/big.bin', 'rb') as f:
        while True:
            b = f.read(4096)
            if not b:
                break
            n += len(b)
print('MARK r1', n)
os.mkdir('/flash/many')
# the pyboard's flash drive holds 180 free 512-byte clusters: 5 rounds of 100 files, each
# written, read back and removed
for r in range(5):
    print('MARK c%d' % r)
    for i in range(100):
        with open('/flash/many/f%03d.txt' % i, 'w') as f:
            f.write('small file %d %d\\n' % (r, i))
    os.sync()
    print('MARK d%d' % r)
    for i in range(100):
        with open('/flash/many/f%03d.txt' % i) as f:
            t += len(f.read())
    print('MARK e%d' % r)
    for i in range(100):
        os.remove('/flash/many/f%03d.txt' % i)
    os.sync()
print('MARK s2', t)
"""


def bench_storage(exe, work):
    sd = os.path.join(work, "bench_sd.img")
    flash = os.path.join(work, "bench_flash.img")
    lines, rc = run_script(exe, work, STORAGE, "fast", ("--flash", flash, "--sd", sd, "--sd-size", "16M"))
    m = marks(lines)
    if "s2" not in m:
        return report("storage", "no result (status %s): %s" % (rc, lines[-5:]), False)
    w = m["w1"][0] - m["w0"][0]
    r = m["r1"][0] - m["w1"][0]
    s = sum(m["d%d" % i][0] - m["c%d" % i][0] for i in range(5))
    sr = sum(m["e%d" % i][0] - m["d%d" % i][0] for i in range(5))
    ok = int(m["r1"][1][0]) == 10 << 20 and int(m["s2"][1][0]) > 0
    report("storage", "/sd 1 MB: write %.0f KB/s (%.3f s), read (10 times) %.0f KB/s (%.3f s); /flash 500 small files: "
           "create+write+close %.0f files/s (%.3f s), open+read %.0f files/s (%.3f s)"
           % (1024 / w, w, 10240 / r, r, 500 / s, s, 500 / sr, sr), ok)


# A real PYBv1.0 (STM32F405, 168 MHz) running MicroPython's perf_bench misc_pystone (Pystone 1.2's
# Proc0) with 300 loops took 162376 us: dpgeorge's run in micropython/micropython PR #4858 (2019,
# N=100 M=100). The cost table (board.json costs) was fitted to it and to bm_fannkuch (82412 us).
PYSTONE_REAL_US = 162376
PYSTONE_SDIST = ("https://files.pythonhosted.org/packages/13/00/8f7c7ab316e8850ea3273956e1370d008cfd"
                 "36697dec2492388d3b000335/micropython-pystone-3.4.2-2.tar.gz")


def fetch_pystone(work):
    """Pystone 1.2 as MicroPython's own package publishes it (PyPI micropython-pystone)."""
    import io, tarfile, urllib.request
    data = urllib.request.urlopen(PYSTONE_SDIST, timeout=60).read()
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("/pystone.py"))
        src = t.extractfile(member).read().decode()
    # it predates time.ticks_us: give it a clock, and drop its own 50000-loop main run
    src = src.replace("from utime import clock", "from time import ticks_us\ndef clock():\n    return ticks_us() / 1e6")
    return src.split("if __name__ ==")[0]


def bench_pystone(exe, work):
    try:
        src = fetch_pystone(work)
    except Exception as e:
        return report("pystone", "skipped: cannot fetch micropython-pystone from PyPI (%s)" % e)
    src += ("\nfrom time import ticks_us, ticks_diff\nt0 = ticks_us()\nProc0(300)\n"
            "print('MARK p', ticks_diff(ticks_us(), t0))\n")
    lines, rc = run_script(exe, work, src, "deterministic")
    m = marks(lines)
    if "p" not in m:
        return report("pystone", "no result (status %s): %s" % (rc, lines[-3:]), False)
    us = int(m["p"][1][0])
    report("pystone", "Proc0(300) in %d us virtual; real PYBv1.0 %d us (PR #4858): %+.1f%%"
           % (us, PYSTONE_REAL_US, (us / PYSTONE_REAL_US - 1) * 100), abs(us / PYSTONE_REAL_US - 1) < 0.10)


BENCHES = {"delay": bench_delay, "budget": bench_budget, "pystone": bench_pystone, "fast": bench_fast,
           "idle": bench_idle, "storage": bench_storage}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=os.path.join(ROOT, ".build", "release", "microboard"))
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    exe = os.path.abspath(a.exe)
    work = tempfile.mkdtemp(prefix="mb-bench-")
    try:
        for name in a.names or BENCHES:
            BENCHES[name](exe, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
