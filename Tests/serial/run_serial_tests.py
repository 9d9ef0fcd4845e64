#!/usr/bin/env python3
"""The REPL over real serial tools: `microboard --host --serial pty` driven by mpremote (exec, eval,
run, fs ls/cp/cat, soft reset), pyserial (the raw-REPL transcript of
shared/notes/run-tests-contract.md §5.6, Ctrl-C, detach/re-attach), socat and picocom; the same
REPL on `--serial tcp:PORT` (mpremote socket://, socat, a telnet-style client); and the stdio REPL
in a pty as run-tests starts it (banner, echo, terminal mode restored on exit and on SIGTERM).

Usage: run_serial_tests.py [--exe PATH]. Prints one line per check and 'N passed, M failed'.
A missing tool (mpremote, socat, picocom, pyserial) makes its checks print 'skip'."""
import os, pty, select, shutil, signal, socket, subprocess, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXE = os.path.join(ROOT, ".build/release/microboard")
if "--exe" in sys.argv:
    EXE = os.path.abspath(sys.argv[sys.argv.index("--exe") + 1])

results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("pass  " if cond else "FAIL  ") + name + ("" if cond else "  -- " + str(detail)[:600]))


def skip(name, why):
    print("skip  %s (%s)" % (name, why))


tmp = tempfile.mkdtemp(prefix="microboard-serial-")
procs = []
# `microboard` alone on a terminal starts the board; under the name `micropython` it is the unix
# port (what run-tests starts in a pty)
UNIX = os.path.join(tmp, "micropython")
os.symlink(EXE, UNIX)


def start_runner(serial, extra=()):
    """Starts the host runner with its REPL on a serial link; returns (process, endpoint line)."""
    p = subprocess.Popen([EXE, "--host", "--serial", serial, *extra], cwd=tmp,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    procs.append(p)
    r, _, _ = select.select([p.stdout], [], [], 10)
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


def mpremote(device, *args, timeout=60):
    p = subprocess.run(["mpremote", "connect", device, *args], cwd=tmp, capture_output=True, timeout=timeout)
    # mpremote passes the board's bytes through: "\r\n" line ends, as from a real board
    out = p.stdout.decode("utf-8", "replace")
    return p.returncode, out.replace("\r\n", "\n"), p.stderr.decode("utf-8", "replace")


def read_until(read, end, timeout=5.0):
    """Reads with `read(n)` until the data ends with `end` (bytes) or the time is up."""
    data = b""
    t = time.time() + timeout
    while time.time() < t and not data.endswith(end):
        d = read(1)
        if d:
            data += d
    return data


def quiet_read(read_all, settle=0.3, timeout=5.0):
    """Everything received until `settle` seconds pass without a byte."""
    data = b""
    last = time.time()
    t = time.time() + timeout
    while time.time() < t and time.time() - last < settle:
        d = read_all()
        if d:
            data += d
            last = time.time()
        else:
            time.sleep(0.02)
    return data


have_mpremote = shutil.which("mpremote") is not None
have_socat = shutil.which("socat") is not None
have_picocom = shutil.which("picocom") is not None
try:
    import serial  # pyserial, installed with mpremote
except ImportError:
    serial = None

# ---------------------------------------------------------------- PTY
link = os.path.join(tmp, "board-link")
runner, dev = start_runner("pty", ["--serial-link", link])
check("--serial pty prints the /dev/pts/N path on its own line", dev.startswith("/dev/pts/"), dev)
check("--serial-link keeps a symlink to the pty", os.path.islink(link) and os.readlink(link) == dev,
      os.path.islink(link) and os.readlink(link))

if have_mpremote:
    rc, out, err = mpremote(dev, "exec", "print(1+1)")
    check("mpremote exec", rc == 0 and out == "2\n", (rc, out, err))
    rc, out, err = mpremote(link, "eval", "6*7")
    check("mpremote eval through the stable link", rc == 0 and out == "42\n", (rc, out, err))
    with open(os.path.join(tmp, "script.py"), "w") as f:
        f.write("import sys\nfor i in range(3):\n    print('line', i)\nprint(sys.platform)\n")
    rc, out, err = mpremote(dev, "run", "script.py")
    check("mpremote run", rc == 0 and out == "line 0\nline 1\nline 2\nlinux\n", (rc, out, err))
    big = "x = 0\n" + "".join("x += %d\n" % i for i in range(2000)) + "print(x)\n"
    with open(os.path.join(tmp, "big.py"), "w") as f:
        f.write(big)
    rc, out, err = mpremote(dev, "run", "big.py")
    check("mpremote run of a 15 KB script (raw-paste flow control)", rc == 0 and out == "%d\n" % sum(range(2000)), (rc, out[:200], err))
    payload = bytes((i * 7 + i // 256) & 0xFF for i in range(20000))
    os.makedirs(os.path.join(tmp, "host"), exist_ok=True)
    with open(os.path.join(tmp, "host", "blob.bin"), "wb") as f:
        f.write(payload)
    rc, out, err = mpremote(dev, "fs", "cp", "host/blob.bin", ":blob_on_board.bin")
    on_board = open(os.path.join(tmp, "blob_on_board.bin"), "rb").read() if os.path.exists(os.path.join(tmp, "blob_on_board.bin")) else b""
    check("mpremote fs cp to the board (20 KB binary)", rc == 0 and on_board == payload, (rc, out, err, len(on_board)))
    rc, out, err = mpremote(dev, "fs", "cp", ":blob_on_board.bin", "host/back.bin")
    back = open(os.path.join(tmp, "host", "back.bin"), "rb").read() if rc == 0 else b""
    check("mpremote fs cp from the board", rc == 0 and back == payload, (rc, out, err, len(back)))
    rc, out, err = mpremote(dev, "fs", "ls")
    check("mpremote fs ls", rc == 0 and "blob_on_board.bin" in out and "script.py" in out, (rc, out, err))
    with open(os.path.join(tmp, "text.txt"), "w", encoding="utf-8") as f:
        f.write("héllo wörld €\nline 2\n")
    rc, out, err = mpremote(dev, "fs", "cat", ":text.txt")
    check("mpremote fs cat (UTF-8)", rc == 0 and out == "héllo wörld €\nline 2\n", (rc, out, err))
    rc, out, err = mpremote(dev, "exec", "print('é€', len('é€'))")
    check("UTF-8 out of the board", rc == 0 and out == "é€ 2\n", (rc, out, err))
    rc, out, err = mpremote(dev, "exec", "a = 5")
    rc2, out2, err2 = mpremote(dev, "resume", "exec", "print(a)")
    check("state survives between mpremote sessions (resume)", rc == 0 and rc2 == 0 and out2 == "5\n", (out2, err2))
    rc, out, err = mpremote(dev, "resume", "soft-reset")
    rc2, out2, err2 = mpremote(dev, "resume", "exec", "print('a' in globals())")
    check("mpremote soft-reset clears __main__", rc == 0 and out2 == "False\n", (rc, out, err, out2, err2))
    rc, out, err = mpremote(dev, "exec", "def f():\n    1/0\nf()")
    check("uncaught exception: traceback and exit status 1", rc == 1 and
          "ZeroDivisionError: divide by zero" in out + err and 'line 2, in f' in out + err, (rc, out, err))
    rc, out, err = mpremote(dev, "exec", "import sys\nprint('bye')\nsys.exit()")
    rc2, out2, err2 = mpremote(dev, "resume", "eval", "1+1")
    check("SystemExit in the raw REPL soft-resets and the board answers after", rc == 0 and out == "bye\n" and out2 == "2\n",
          (rc, out, err, out2, err2))
else:
    skip("mpremote checks", "mpremote not installed")

if serial is not None:
    s = serial.Serial(dev, 115200, timeout=0.05, exclusive=True)
    s.write(b"\r\x02")
    banner = quiet_read(s.read_all)
    s.write(b"\r\x03")
    got = quiet_read(s.read_all)
    check("pyserial: \\r^C at the friendly prompt", got == b"\r\n>>> \r\n>>> ", got)
    s.write(b"\r\x01")
    got = read_until(s.read, b"raw REPL; CTRL-B to exit\r\n>")
    check("pyserial: \\r^A enters the raw REPL", got == b"\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>", got)
    s.write(b"\x04")
    got = read_until(s.read, b"raw REPL; CTRL-B to exit\r\n>")
    check("pyserial: ^D soft-resets from the raw REPL", got == b"OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>", got)
    s.write(b"print('hi')\nprint(1/0)\x04")
    got = read_until(s.read, b"\x04>")
    check("pyserial: raw exec with stdout, 0x04, traceback, 0x04",
          got == b'OKhi\r\n\x04Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\n'
                 b'ZeroDivisionError: divide by zero\r\n\x04>', got)
    s.write(b"\x05A\x01")
    s.timeout = 2
    got = s.read(5)
    s.timeout = 0.05
    check("pyserial: raw-paste accepted with a 128-byte window", got == b"R\x01\x80\x00\x01", got)
    s.write(b"print(2+2)\x04")
    got = read_until(s.read, b"\x04>")
    check("pyserial: raw-paste run", got == b"\x044\r\n\x04\x04>", got)
    s.write(b"print('SKIP')\nraise SystemExit\x04")
    got = read_until(s.read, b"raw REPL; CTRL-B to exit\r\n>")
    check("pyserial: SystemExit soft-resets", got == b"OKSKIP\r\n\x04\x04MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>", got)
    s.write(b"\x02")
    got = read_until(s.read, b">>> ")
    check("pyserial: ^B back to the friendly REPL with the banner",
          got.startswith(b"\r\nMicroPython ") and got.endswith(b'\r\nType "help()" for more information.\r\n>>> ')
          and got == banner[banner.index(b"\r\nMicroPython"):], (got, banner))
    s.write(b"import time\r")
    quiet_read(s.read_all)
    s.write(b"while True: time.sleep_ms(5)\r\r")
    time.sleep(0.3)
    s.write(b"\x03")
    got = quiet_read(s.read_all)
    check("pyserial: Ctrl-C interrupts running code", got.endswith(b"KeyboardInterrupt: \r\n>>> ") and b"Traceback" in got, got)
    # detach while code runs; the board keeps running; re-attach and interrupt it
    s.write(b"n = 0\r")
    quiet_read(s.read_all)
    s.write(b"while True: n += 1; time.sleep_ms(1)\r\r")
    time.sleep(0.2)
    s.close()
    time.sleep(0.5)
    s = serial.Serial(dev, 115200, timeout=0.05, exclusive=True)
    s.write(b"\x03")
    got = quiet_read(s.read_all)
    s.write(b"n > 100\r")
    got2 = quiet_read(s.read_all)
    check("detach and re-attach while code keeps running", got.endswith(b"KeyboardInterrupt: \r\n>>> ") and got2 == b"n > 100\r\nTrue\r\n>>> ",
          (got, got2))
    s.write(b"s = 'h\xc3\xa9'\r")
    quiet_read(s.read_all)
    s.write(b"s, len(s)\r")
    got = quiet_read(s.read_all)
    check("pyserial: UTF-8 typed at the friendly REPL", got == "s, len(s)\r\n('hé', 2)\r\n>>> ".encode(), got)
    s.write(b"impor\t")
    got = quiet_read(s.read_all)
    s.write(b"\x03")
    quiet_read(s.read_all)
    check("pyserial: tab completion", got == b"import ", got)
    s.close()
else:
    skip("pyserial checks", "pyserial not installed")

if have_socat:
    p = subprocess.run("printf '1+2\\r' | socat -t1 - %s,raw,echo=0" % dev, shell=True, capture_output=True, timeout=20)
    check("socat on the PTY", p.stdout == b"1+2\r\n3\r\n>>> ", (p.stdout, p.stderr))
else:
    skip("socat on the PTY", "socat not installed")

if have_picocom:
    p = subprocess.run("printf 'print(\"pico\")\\r' | picocom -q -b 115200 -x 1500 %s" % dev, shell=True,
                       capture_output=True, timeout=20)
    check("picocom on the PTY", p.stdout == b'print("pico")\r\npico\r\n>>> ', (p.stdout, p.stderr))
else:
    skip("picocom on the PTY", "picocom not installed")

stop(runner)
check("the stable link is removed when the runner ends", not os.path.lexists(link))

# ---------------------------------------------------------------- TCP
runner, addr = start_runner("tcp:0")
check("--serial tcp:0 prints the address", addr.startswith("127.0.0.1:"), addr)
host, port = addr.split(":") if ":" in addr else ("127.0.0.1", "0")
if have_mpremote:
    rc, out, err = mpremote("socket://" + addr, "exec", "print('over tcp')")
    check("mpremote over TCP (socket://)", rc == 0 and out == "over tcp\n", (rc, out, err))
else:
    skip("mpremote over TCP", "mpremote not installed")
if have_socat:
    p = subprocess.run("printf '2+3\\r' | socat -t1 - TCP:%s" % addr, shell=True, capture_output=True, timeout=20)
    check("socat over TCP (half-closed client still gets the answer)", p.stdout == b"2+3\r\n5\r\n>>> ", (p.stdout, p.stderr))
else:
    skip("socat over TCP", "socat not installed")
c = socket.create_connection((host, int(port)), timeout=5)
c.sendall(b"\xff\xfd\x01\xff\xfb\x03" + b"3+4\r\x00")   # IAC DO ECHO, IAC WILL SGA, then a telnet CR NUL
c.settimeout(0.05)


def sock_read_all():
    try:
        return c.recv(4096)
    except socket.timeout:
        return b""


got = quiet_read(sock_read_all)
check("telnet option bytes are tolerated", got == b"3+4\r\n7\r\n>>> ", got)
c.close()
stop(runner)

# ---------------------------------------------------------------- stdio in a pty (run-tests style)
master, slave = pty.openpty()
before = termios.tcgetattr(slave)
p = subprocess.Popen([UNIX], stdin=slave, stdout=slave, stderr=slave, cwd=tmp, close_fds=True)


def pty_read_all():
    r, _, _ = select.select([master], [], [], 0)
    if not r:
        return b""
    try:
        return os.read(master, 4096)
    except OSError:
        return b""


banner = quiet_read(pty_read_all, settle=0.3)
check("stdio REPL in a pty: banner at once", banner.startswith(b"MicroPython ") and banner.endswith(
    b' version\r\r\nType "help()" for more information.\r\r\n>>> '), banner)
raw_now = termios.tcgetattr(slave)
check("stdio REPL: terminal in raw mode (no echo, no canonical input)", not (raw_now[3] & (termios.ECHO | termios.ICANON)), raw_now[3])
os.write(master, b"1+1\n")
got = quiet_read(pty_read_all)
check("stdio REPL: echo and result", got == b"1+1\r\r\n2\r\n>>> ", got)
os.write(master, b"\x04")
try:
    rc = p.wait(5)
except subprocess.TimeoutExpired:
    p.kill()
    rc = None
after = termios.tcgetattr(slave)
check("stdio REPL: Ctrl-D exits with status 0", rc == 0, rc)
check("stdio REPL: terminal mode restored on exit", after == before, (before, after))

p = subprocess.Popen([UNIX], stdin=slave, stdout=slave, stderr=slave, cwd=tmp, close_fds=True)
quiet_read(pty_read_all, settle=0.3)
p.send_signal(signal.SIGTERM)
p.wait(5)
after = termios.tcgetattr(slave)
check("stdio REPL: terminal mode restored when killed by SIGTERM", after == before, (before, after))
os.close(master)
os.close(slave)

# The board's REPL (USB VCP) on a PTY: the same tools against `microboard --serial pty --headless`
if shutil.which("mpremote"):
    bp = subprocess.Popen([EXE, "--serial", "pty", "--headless", "--clock", "fast"], cwd=tmp,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    procs.append(bp)
    r, _, _ = select.select([bp.stdout], [], [], 20)
    dev = bp.stdout.readline().decode().strip() if r else ""
    check("board on a PTY: prints its /dev/pts path", dev.startswith("/dev/pts/"), dev)
    rc, out, err = mpremote(dev, "exec", "import sys, os; print(sys.platform, os.uname().machine)")
    check("board: mpremote exec sees the pyboard", rc == 0 and out.strip() == "pyboard PYBv1.1 with STM32F405RG", (rc, out, err))
    rc, out, err = mpremote(dev, "exec", "import pyb; pyb.LED(2).on(); print(pyb.LED(2).intensity())")
    check("board: LED on through the REPL", rc == 0 and out.strip() == "255", (rc, out, err))
    rc, out, err = mpremote(dev, "exec", "import gc; gc.collect(); print(gc.mem_free() + gc.mem_alloc())")
    check("board: heap is the pyboard's (102400 bytes)", rc == 0 and out.strip() == "102400", (rc, out, err))
    rc, out, err = mpremote(dev, "soft-reset", "exec", "print('after reset')")
    check("board: soft reset then exec", rc == 0 and "after reset" in out, (rc, out, err))
    stop(bp)
else:
    skip("board on a PTY", "mpremote not installed")

# `microboard` with no arguments on a terminal: the board (headless without a display), its REPL
# on the terminal, Ctrl-] quits
master, slave = pty.openpty()
env = dict(os.environ)
env.pop("DISPLAY", None)
bp = subprocess.Popen([EXE], stdin=slave, stdout=slave, stderr=slave,
                      cwd=tmp, close_fds=True, env=env)
got = quiet_read(pty_read_all, settle=0.5, timeout=20)
check("board on the terminal: pyboard banner", b"; PYBv1.1 with STM32F405RG\r\r\nType \"help()\" for more information.\r\r\n>>> " in got, got)
os.write(master, b"import pyb; pyb.LED(4).on(); print(pyb.LED(4).intensity())\r")
got = quiet_read(pty_read_all, settle=0.5)
check("board on the terminal: code runs", b"255\r\n>>> " in got, got)
os.write(master, b"\x04")
got = quiet_read(pty_read_all, settle=0.5)
check("board on the terminal: Ctrl-D soft-resets", b"MPY: soft reboot" in got and got.endswith(b">>> "), got)
os.write(master, b"\x1d")
try:
    rc = bp.wait(10)
except subprocess.TimeoutExpired:
    bp.kill()
    rc = None
check("board on the terminal: Ctrl-] quits", rc == 0, rc)
os.close(master)
os.close(slave)

for p in procs:
    stop(p)
shutil.rmtree(tmp, ignore_errors=True)
passed = sum(results)
print("%d passed, %d failed" % (passed, len(results) - passed))
sys.exit(0 if passed == len(results) else 1)
