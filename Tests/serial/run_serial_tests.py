#!/usr/bin/env python3
"""The REPL over real serial tools: `microboard --host --serial pty` driven by mpremote (exec, eval,
run, fs ls/cp/cat, soft reset, mount), pyserial (the raw-REPL transcript of
shared/notes/run-tests-contract.md §5.6, Ctrl-C, detach/re-attach), socat and picocom; the same
REPL on `--serial tcp:PORT` (mpremote socket://, socat, a telnet-style client); and the stdio REPL
in a pty as run-tests starts it (banner, echo, terminal mode restored on exit and on SIGTERM);
byte I/O through sys.stdin.buffer/sys.stdout.buffer, rshell ls/cp, and Thonny (its connect
sequence replayed with pyserial, and its real MicroPython back end driven headless).

Usage: run_serial_tests.py [--exe PATH]. Prints one line per check and 'N passed, M failed'.
A missing tool (mpremote, socat, picocom, pyserial, rshell, thonny) makes its checks print 'skip'."""
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


# ---------------------------------------------------------------- byte I/O on the console
if serial is not None:
    s = serial.Serial(dev, 115200, timeout=0.05, exclusive=True)
    s.write(b"\r\x03\r\x01")
    read_until(s.read, b"raw REPL; CTRL-B to exit\r\n>")
    # with kbd_intr(-1) every byte value is data (0x03 too); "ready" says the code is waiting
    s.write(b"import sys, micropython\nmicropython.kbd_intr(-1)\nprint('ready')\n"
            b"d = sys.stdin.buffer.read(256)\nmicropython.kbd_intr(3)\n"
            b"sys.stdout.buffer.write(bytes(reversed(d)))\n\x04")
    got = read_until(s.read, b"ready\r\n")
    s.write(bytes(range(256)))
    s.timeout = 5
    echo = s.read(256)
    tail = read_until(s.read, b"\x04>")
    s.timeout = 0.05
    check("sys.stdin.buffer.read(256) / sys.stdout.buffer.write: every byte value, raw both ways",
          got == b"OKready\r\n" and echo == bytes(reversed(range(256))) and tail == b"\x04\x04>", (got, echo[:20], tail))
    s.write(b"import sys\nsys.stdin.buffer.write(b'x\\ny')\n\x04")
    got = read_until(s.read, b"\x04>")
    check("sys.stdin.buffer is the shared binary stream: its write goes out raw", got == b"OKx\ny\x04\x04>", got)
    s.write(b"\x02")
    quiet_read(s.read_all)
    s.close()

have_select = False
if have_mpremote:
    rc, out, err = mpremote(dev, "exec", "import select; print(hasattr(select, 'poll'))")
    have_select = rc == 0 and out == "True\n"

if have_select and serial is not None:
    s = serial.Serial(dev, 115200, timeout=0.05, exclusive=True)
    s.write(b"\r\x03\r\x01")
    read_until(s.read, b"raw REPL; CTRL-B to exit\r\n>")
    s.write(b"import sys, select\np = select.poll()\np.register(sys.stdin.buffer, select.POLLIN)\n"
            b"print(p.poll(100))\nprint('waiting')\nr = p.poll(5000)\nprint(len(r), r[0][1], sys.stdin.buffer.read(1))\n\x04")
    got = read_until(s.read, b"waiting\r\n")
    time.sleep(0.2)
    s.write(b"Z")
    got += read_until(s.read, b"\x04>")
    check("select.poll on sys.stdin.buffer: nothing waiting, then a byte arrives", got == b"OK[]\r\nwaiting\r\n1 1 b'Z'\r\n\x04\x04>", got)
    s.write(b"\x02")
    quiet_read(s.read_all)
    s.close()
elif have_mpremote:
    skip("select.poll on sys.stdin", "no select module in this build")

# ---------------------------------------------------------------- mpremote mount
if have_mpremote and have_select:
    mdir = os.path.join(tmp, "mounted")
    os.makedirs(os.path.join(mdir, "pkg"), exist_ok=True)
    with open(os.path.join(mdir, "helper.py"), "w") as f:
        f.write("GREETING = 'hello from the host folder'\ndef twice(x):\n    return 2 * x\n")
    with open(os.path.join(mdir, "pkg", "__init__.py"), "w") as f:
        f.write("from .inner import VALUE\n")
    with open(os.path.join(mdir, "pkg", "inner.py"), "w") as f:
        f.write("VALUE = " + repr("v" * 3000) + "\n")    # bigger than one transfer window
    with open(os.path.join(mdir, "notes.txt"), "w") as f:
        f.write("first line\nsecond line\n")
    with open(os.path.join(tmp, "use_helper.py"), "w") as f:
        f.write("import helper, pkg\nprint(helper.GREETING, helper.twice(21), len(pkg.VALUE))\n")
    rc, out, err = mpremote(dev, "mount", mdir, "exec", "import os; print(sorted(os.listdir('/remote')))")
    check("mpremote mount: os.listdir('/remote') lists the host folder",
          rc == 0 and out.endswith("['helper.py', 'notes.txt', 'pkg']\n"), (rc, out, err))
    rc, out, err = mpremote(dev, "mount", mdir, "run", os.path.join(tmp, "use_helper.py"))
    check("mpremote mount + run: imports a module and a package from the mounted folder",
          rc == 0 and out.endswith("hello from the host folder 42 3000\n"), (rc, out, err))
    payload = bytes(range(256)) * 8
    rc, out, err = mpremote(dev, "mount", mdir, "exec",
                            "import os\n"
                            "print(open('notes.txt').readlines())\n"
                            "with open('/remote/written.txt', 'w') as f:\n    f.write('written on the board\\n')\n"
                            "with open('blob.bin', 'wb') as f:\n    f.write(bytes(range(256)) * 8)\n"
                            "print(os.stat('blob.bin')[6], os.getcwd())\n"
                            "os.mkdir('newdir')\nos.rename('written.txt', 'newdir/moved.txt')\n"
                            "print(os.listdir('newdir'), open('blob.bin', 'rb').read() == bytes(range(256)) * 8)\n")
    moved = os.path.join(mdir, "newdir", "moved.txt")
    blob = open(os.path.join(mdir, "blob.bin"), "rb").read() if os.path.exists(os.path.join(mdir, "blob.bin")) else b""
    check("mpremote mount: read, write (text and every byte value), stat, mkdir, rename in the folder",
          rc == 0 and out.endswith("['first line\\n', 'second line\\n']\n2048 /remote\n['moved.txt'] True\n")
          and os.path.exists(moved) and open(moved).read() == "written on the board\n" and blob == payload,
          (rc, out, err, blob[:16]))
    rc, out, err = mpremote(dev, "mount", mdir, "exec", "open('missing.txt')")
    check("mpremote mount: a missing file raises OSError ENOENT on the board",
          rc == 1 and "OSError" in out + err and "ENOENT" in out + err, (rc, out, err))
    rc, out, err = mpremote(dev, "resume", "exec", "import os\ntry:\n    os.listdir('/remote')\n    print('still mounted')\n"
                                                   "except OSError:\n    print('unmounted', os.getcwd() != '/remote')\n")
    check("mpremote unmounts the folder when it ends", rc == 0 and out == "unmounted True\n", (rc, out, err))
elif have_mpremote:
    skip("mpremote mount checks", "no select module in this build (mpremote's RemoteFS polls sys.stdin)")

# ---------------------------------------------------------------- rshell
if shutil.which("rshell"):
    rdir = os.path.join(tmp, "rshell")
    os.makedirs(rdir, exist_ok=True)
    rblob = bytes((i * 13 + 5) & 0xFF for i in range(3000))
    with open(os.path.join(rdir, "src.bin"), "wb") as f:
        f.write(rblob)

    def rshell(*cmd):
        p = subprocess.run(["rshell", "-p", dev, "--buffer-size", "512", "--quiet", "--nocolor", *cmd],
                           cwd=tmp, capture_output=True, timeout=90, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    rc, out, err = rshell("ls", "/pyboard" + rdir)
    check("rshell ls (the board's files)", rc == 0 and "src.bin" in out, (rc, out, err))
    rc, out, err = rshell("cp", os.path.join(rdir, "src.bin"), "/pyboard" + os.path.join(rdir, "to_board.bin"))
    got = open(os.path.join(rdir, "to_board.bin"), "rb").read() if os.path.exists(os.path.join(rdir, "to_board.bin")) else b""
    check("rshell cp to the board (binary, through sys.stdin.buffer)", rc == 0 and got == rblob, (rc, out, err, len(got)))
    rc, out, err = rshell("cp", "/pyboard" + os.path.join(rdir, "to_board.bin"), os.path.join(rdir, "back.bin"))
    got = open(os.path.join(rdir, "back.bin"), "rb").read() if os.path.exists(os.path.join(rdir, "back.bin")) else b""
    check("rshell cp from the board (through sys.stdout.buffer)", rc == 0 and got == rblob, (rc, out, err, len(got)))
else:
    skip("rshell checks", "rshell not installed")

# ---------------------------------------------------------------- Thonny
# Thonny's connect sequence (plugins/micropython/bare_metal_backend.py), replayed with pyserial:
# Ctrl-C three times 0.1 s apart, Ctrl-B for the welcome text, Ctrl-A, helper code defined by
# raw-paste (a class with `import` and builtins.classmethod in its body), then management
# values printed between <thonny> markers.
if serial is not None:
    s = serial.Serial(dev, 115200, timeout=0.05, exclusive=True)
    for _ in range(3):
        s.write(b"\x03")
        time.sleep(0.1)
    got = quiet_read(s.read_all)
    s.write(b"\x02")
    welcome = quiet_read(s.read_all)
    check("Thonny replay: interrupts reach a prompt, Ctrl-B gives the welcome text",
          got.endswith(b">>> ") and welcome.startswith(b"\r\nMicroPython v1.28.0") and welcome.endswith(b'Type "help()" for more information.\r\n>>> '),
          (got, welcome))
    s.write(b"\x01")
    read_until(s.read, b"raw REPL; CTRL-B to exit\r\n>")

    def raw_paste(code):
        s.write(b"\x05A\x01")
        s.timeout = 2
        head = s.read(4)
        window = int.from_bytes(head[2:4], "little") if head[:2] == b"R\x01" else 0
        if not window:
            return head
        data, remain = code.encode(), window
        i = 0
        while i < len(data):
            while remain == 0 or s.in_waiting:
                if s.read(1) == b"\x01":
                    remain += window
            chunk = data[i:i + remain]
            s.write(chunk)
            remain -= len(chunk)
            i += len(chunk)
        s.write(b"\x04")
        s.timeout = 0.05
        # a window-ack byte (0x01) may still come after the last chunk
        return read_until(s.read, b"\x04>", timeout=10).lstrip(b"\x01")

    helper = ("class __thonny_helper:\n"
              "    import builtins\n"
              "    try:\n        import uos as os\n    except builtins.ImportError:\n        import os\n"
              "    import sys\n"
              "    @builtins.classmethod\n"
              "    def print_mgmt_value(cls, obj):\n"
              "        cls.builtins.print('<thonny>', cls.builtins.repr(obj), '</thonny>', sep='', end='')\n"
              "    @builtins.classmethod\n"
              "    def getcwd(cls):\n"
              "        if cls.builtins.hasattr(cls.os, 'getcwd'):\n            return cls.os.getcwd()\n        return ''\n")
    got = raw_paste(helper)
    check("Thonny replay: the helper class is defined through raw-paste", got == b"\x04\x04\x04>", got)
    results_ok = []
    for expr, expect in (("__thonny_helper.getcwd()", repr(tmp)),
                         ("__thonny_helper.sys.path", None),
                         ("__thonny_helper.sys.implementation.name", "'micropython'"),
                         ("__thonny_helper.builtins.isinstance(__thonny_helper.os.stat('.')[0], int)", "True")):
        got = raw_paste("__thonny_helper.print_mgmt_value(%s)" % expr)
        ok = got.startswith(b"\x04<thonny>") and got.endswith(b"</thonny>\x04\x04>")
        value = got[len(b"\x04<thonny>"):-len(b"</thonny>\x04\x04>")].decode()
        if expect is not None:
            ok = ok and value == expect
        results_ok.append((ok, expr, got))
    check("Thonny replay: management values between <thonny> markers (cwd, sys.path, implementation, os.stat)",
          all(r[0] for r in results_ok), [r for r in results_ok if not r[0]])
    got = raw_paste("__thonny_helper.builtins.help('modules')")
    lines = got.decode("utf-8", "replace").strip("\x04>").strip().splitlines()
    mods = " ".join(lines[:-1]).replace("/__init__", "").replace("__main__", "").replace("/", ".").split()
    check("Thonny replay: help('modules') parses into the module list", "sys" in mods and "asyncio" in mods and
          lines[-1] == "Plus any modules on the filesystem", lines)
    s.write(b"\x02")
    quiet_read(s.read_all)
    s.close()

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from thonny_session import ThonnySession, thonny_backend_path, output_of
if thonny_backend_path():
    from thonny.common import ToplevelCommand, InlineCommand
    tdir = os.path.join(tmp, "thonny")
    os.makedirs(tdir, exist_ok=True)
    ts = ThonnySession(dev, os.path.join(tmp, "thonny-user"), tmp)
    ready, seen = ts.wait_for(lambda m: type(m).__name__ == "ToplevelResponse", timeout=30)
    check("Thonny's back end connects (welcome text, cwd, sys.path)",
          ready is not None and ready["welcome_text"].startswith("MicroPython v1.28.0") and ready["cwd"] == tmp
          and isinstance(ready["sys_path"], list), (ready, seen[-3:]))
    r, seen = ts.command(ToplevelCommand("execute_source", source="print(6*7)\nthonny_x = [1, 2]\n"))
    check("Thonny: execute_source prints", r is not None and output_of(seen) == "42\n", (r, seen[-3:]))
    r, seen = ts.command(ToplevelCommand("execute_source", source="thonny_x\n"))
    check("Thonny: an expression's value comes back as an object link",
          r is not None and "[1, 2][/object_link_for_thonny]" in output_of(seen), (r, seen[-3:]))
    r, seen = ts.command(InlineCommand("get_globals", module_name="__main__"))
    check("Thonny: get_globals", r is not None and r["globals"].get("thonny_x") is not None and
          r["globals"]["thonny_x"].repr == "[1, 2]", (r, seen[-3:]))
    content = b"written by thonny\n" + bytes(range(256))
    tpath = os.path.join(tdir, "t.bin")
    r, seen = ts.command(InlineCommand("write_file", path=tpath, content_bytes=content, make_shebang_scripts_executable=False))
    on_disk = open(tpath, "rb").read() if os.path.exists(tpath) else b""
    check("Thonny: write_file", r is not None and on_disk == content, (r, seen[-3:], on_disk[:30]))
    r, seen = ts.command(InlineCommand("read_file", path=tpath))
    check("Thonny: read_file", r is not None and r["content_bytes"] == content, (r, seen[-3:]))
    r, seen = ts.command(InlineCommand("get_dirs_children_info", paths=[tdir], include_hidden=False, node_id="n1"))
    info = r["data"][tdir] if r is not None else {}
    check("Thonny: the file browser lists the folder", info.get("t.bin", {}).get("size") == len(content)
          and info["t.bin"]["kind"] == "file", (r, seen[-3:]))
    r, seen = ts.command(ToplevelCommand("execute_source", source="1/0\n"))
    check("Thonny: an error's traceback on stderr", r is not None and
          output_of(seen, "stderr").endswith("ZeroDivisionError: divide by zero\n"), (r, seen[-3:]))
    ts.close()
else:
    skip("Thonny back-end checks", "thonny not installed (pip install --no-deps thonny)")

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

# The board's REPL (USB VCP) on a PTY: the same tools against `microboard --serial pty --headless`,
# files, mpremote repl, ampy, run-tests device mode and bad input (board_link_checks.py)
if shutil.which("mpremote"):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import board_link_checks
    board_link_checks.run(EXE, tmp, check, skip, mpremote)
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
