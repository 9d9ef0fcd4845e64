#!/usr/bin/env python3
"""The board's serial link: file transfer throughput, exec round-trip latency, idle CPU.

Starts `microboard --serial pty --headless --flash TMP/flash.img --sd TMP/sd.img --sd-size 8M`
(the 1 MB file does not fit the 112 KiB internal flash, so it goes to /sd) and measures:

  1. `mpremote fs cp` of a 1 MB random file to the board (/sd) and back: KB/s each way
     (wall time of the whole mpremote command, connection included; the copy is checked);
  2. 1000 `exec` round trips over ONE raw-REPL connection opened with pyserial: the raw REPL is
     entered once, then each round trip writes `print(i)` + Ctrl-D (standard raw mode) and reads
     `OK`, the output, the two 0x04 and the `>` prompt. Mean and 95th-percentile latency in ms.
     (One mpremote process per call costs its start-up and connection and would measure mpremote.)
  3. the board's CPU use while it sits at the friendly REPL for 10 s with no client
     (utime+stime from /proc/<pid>/stat), in % of one core; must be < 2%.

Usage: serial_bench.py [--exe PATH] [--clock realtime|fast] [--rounds N]
Prints a table; exit status 1 if a copy came back different or idle CPU is >= 2%."""
import os, select, shutil, signal, subprocess, sys, tempfile, time

import serial

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


EXE = os.path.abspath(arg("--exe", os.path.join(ROOT, ".build/release/microboard")))
CLOCK = arg("--clock", "realtime")
ROUNDS = int(arg("--rounds", "1000"))


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def read_until(s, end, timeout=10):
    data = b""
    t = time.time() + timeout
    while not data.endswith(end) and time.time() < t:
        data += s.read(max(1, s.in_waiting))
    return data


def main():
    tmp = tempfile.mkdtemp(prefix="serial-bench-")
    board = subprocess.Popen([EXE, "--serial", "pty", "--headless", "--clock", CLOCK,
                              "--flash", os.path.join(tmp, "flash.img"),
                              "--sd", os.path.join(tmp, "sd.img"), "--sd-size", "8M"],
                             cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    r, _, _ = select.select([board.stdout], [], [], 30)
    dev = board.stdout.readline().decode().strip() if r else ""
    if not dev.startswith("/dev/pts/"):
        print("board did not start:", dev, board.stderr.read().decode()[-500:] if board.poll() is not None else "")
        return 2
    ok = True
    rows = []

    blob = os.urandom(1024 * 1024)
    src, back = os.path.join(tmp, "big.bin"), os.path.join(tmp, "big.back")
    with open(src, "wb") as f:
        f.write(blob)
    for what, args, check in (("mpremote fs cp 1 MB host -> board (/sd)", [src, ":/sd/big.bin"], None),
                              ("mpremote fs cp 1 MB board -> host", [":/sd/big.bin", back], back)):
        t = time.perf_counter()
        p = subprocess.run(["mpremote", "connect", dev, "fs", "cp", *args], capture_output=True, timeout=1800)
        dt = time.perf_counter() - t
        good = p.returncode == 0 and (check is None or open(check, "rb").read() == blob)
        ok = ok and good
        rows.append((what, "%.1f KB/s" % (len(blob) / 1024 / dt), "%.1f s%s" % (dt, "" if good else "  FAILED: %r" % p.stderr[-200:])))

    s = serial.Serial(dev, 115200, timeout=10, exclusive=True)
    s.write(b"\r\x03\r\x01")
    read_until(s, b"raw REPL; CTRL-B to exit\r\n>")
    lat = []
    bad = 0
    for i in range(ROUNDS):
        t = time.perf_counter()
        s.write(b"print(%d)\x04" % i)
        got = read_until(s, b"\x04\x04>")
        lat.append(time.perf_counter() - t)
        if got != b"OK%d\r\n\x04\x04>" % i:
            bad += 1
    s.write(b"\x02")
    time.sleep(0.3)
    s.read(s.in_waiting)
    s.close()
    lat.sort()
    ok = ok and bad == 0
    rows.append(("exec round trip, raw REPL, pyserial (%d)" % ROUNDS, "%.2f ms mean" % (1000 * sum(lat) / len(lat)),
                 "p95 %.2f ms%s" % (1000 * lat[int(0.95 * len(lat))], "" if not bad else "  %d WRONG" % bad)))

    time.sleep(1)
    c0, t0 = cpu_seconds(board.pid), time.time()
    time.sleep(10)
    c1, t1 = cpu_seconds(board.pid), time.time()
    idle = 100 * (c1 - c0) / (t1 - t0)
    ok = ok and idle < 2
    rows.append(("idle at the REPL, 10 s", "%.2f %% of a core" % idle, "< 2 %% %s" % ("ok" if idle < 2 else "FAIL")))

    board.send_signal(signal.SIGTERM)
    board.wait(10)
    shutil.rmtree(tmp, ignore_errors=True)
    print("serial link benchmark (%s, --clock %s)" % (EXE, CLOCK))
    for r in rows:
        print("  %-46s %-20s %s" % r)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
