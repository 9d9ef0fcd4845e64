"""The board's REPL on a PTY (`microboard --serial pty --headless --clock fast --flash IMG`) under real
tools and bad input: mpremote fs cp of a 100 KB random file both ways, fs rm/mkdir/rmdir, mpremote
repl driven by pexpect, ampy put/get/ls, socat typing at the friendly REPL with Ctrl-C ending a busy
loop, run-tests device mode (device_mode_runner.py) on 20 corpus scripts; then 64 KB of random
bytes, 1 MB in paste mode, mpremote killed during a 100 KB cp and a storm of 500 Ctrl-C: after each
the board still answers `mpremote exec "print(42)"`, and fsck.fat -n finds the flash image clean.

Called from run_serial_tests.py: run(exe, tmp, check, skip, mpremote)."""
import os, random, re, select, shutil, signal, subprocess, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "corpus")
# what a board lacks or prints differently: files, the host's os/sys, threads, time, stdin
HOST_ONLY = re.compile(rb"\bimport (os|io|sys|_thread|threading|time|select|socket|gc)\b|\bfrom (os|sys|io) |open\(|"
                       rb"__file__|input\(|sys\.|\bos\.|"
                       # a pyboard's floats are single precision: no 1e300, no 17-digit reprs
                       rb"\d[eE][+-]?\d\d\d")


def corpus_selection(n=20, areas=("expr", "stmt", "func", "class", "gen", "comp", "exc", "scope", "types", "builtins")):
    """The first two scripts (by name) of each area that use no host-only feature."""
    picked = []
    for area in areas:
        names = sorted(f for f in os.listdir(os.path.join(CORPUS, area)) if f.endswith(".py"))
        taken = 0
        for f in names:
            path = os.path.join(CORPUS, area, f)
            with open(path, "rb") as fh:
                src = fh.read()
            if HOST_ONLY.search(src) or len(src) > 6000:
                continue
            picked.append(path)
            taken += 1
            if taken == 2:
                break
    return picked[:n]


def blast(dev, data, chunk=512, settle=1.0):
    """Writes `data` to the PTY while a thread drains what the board sends back (its echo would
    otherwise fill the PTY and stall both sides); returns what came back."""
    import serial
    s = serial.Serial(dev, 115200, timeout=0.05, write_timeout=60, exclusive=True)
    got = bytearray()
    stop = threading.Event()

    def drain():
        while not stop.is_set():
            d = s.read(65536)
            if d:
                got.extend(d)

    t = threading.Thread(target=drain, daemon=True)
    t.start()
    for i in range(0, len(data), chunk):
        s.write(data[i:i + chunk])
    time.sleep(settle)
    last = len(got)
    deadline = time.time() + 60
    while time.time() < deadline:      # until the board has been quiet for `settle` seconds
        time.sleep(settle)
        if len(got) == last:
            break
        last = len(got)
    stop.set()
    t.join()
    s.close()
    return bytes(got)


def run(exe, tmp, check, skip, mpremote):
    img = os.path.join(tmp, "board-flash.img")
    sd = os.path.join(tmp, "board-sd.img")
    # a 100 KB file does not fit the pyboard's 112 KiB flash drive (nor a real board's): it goes to /sd
    bp = subprocess.Popen([exe, "--serial", "pty", "--headless", "--clock", "fast", "--flash", img,
                           "--sd", sd, "--sd-size", "2M"], cwd=tmp,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    r, _, _ = select.select([bp.stdout], [], [], 20)
    dev = bp.stdout.readline().decode().strip() if r else ""
    check("board on a PTY: prints its /dev/pts path", dev.startswith("/dev/pts/"), (dev, bp.poll()))
    if not dev.startswith("/dev/pts/"):
        stop_board(bp)
        return

    def answers(what):
        rc, out, err = mpremote(dev, "exec", "print(42)", timeout=30)
        check("board still answers mpremote exec after " + what, rc == 0 and out == "42\n" and bp.poll() is None,
              (rc, out, err, bp.poll()))

    rc, out, err = mpremote(dev, "exec", "import sys, os; print(sys.platform, os.uname().machine)")
    check("board: mpremote exec sees the pyboard", rc == 0 and out.strip() == "pyboard PYBv1.1 with STM32F405RG", (rc, out, err))
    rc, out, err = mpremote(dev, "exec", "import pyb; pyb.LED(2).on(); print(pyb.LED(2).intensity())")
    check("board: LED on through the REPL", rc == 0 and out.strip() == "255", (rc, out, err))
    rc, out, err = mpremote(dev, "exec", "import gc; gc.collect(); print(gc.mem_free() + gc.mem_alloc())")
    check("board: heap is the pyboard's (102400 bytes)", rc == 0 and out.strip() == "102400", (rc, out, err))
    rc, out, err = mpremote(dev, "soft-reset", "exec", "print('after reset')")
    check("board: soft reset then exec", rc == 0 and "after reset" in out, (rc, out, err))

    # ---- files: 100 KB of random bytes to /flash and back
    hostdir = os.path.join(tmp, "board-host")
    os.makedirs(hostdir, exist_ok=True)
    blob = os.urandom(100 * 1000)
    src = os.path.join(hostdir, "r100k.bin")
    with open(src, "wb") as f:
        f.write(blob)
    rc, out, err = mpremote(dev, "fs", "cp", src, ":/sd/r100k.bin", timeout=300)
    check("board: mpremote fs cp of 100 KB random bytes to the board (/sd)", rc == 0, (rc, out[-300:], err[-300:]))
    back = os.path.join(hostdir, "r100k.back")
    rc, out, err = mpremote(dev, "fs", "cp", ":/sd/r100k.bin", back, timeout=300)
    got = open(back, "rb").read() if os.path.exists(back) else b""
    check("board: ... and back, byte for byte", rc == 0 and got == blob, (rc, err[-300:], len(got)))
    rc, out, err = mpremote(dev, "fs", "rm", ":/sd/r100k.bin")
    rc2, out2, err2 = mpremote(dev, "fs", "ls", ":/sd")
    check("board: mpremote fs rm", rc == 0 and rc2 == 0 and "r100k.bin" not in out2, (rc, err, out2))
    rc, out, err = mpremote(dev, "fs", "mkdir", ":newdir")
    rc2, out2, err2 = mpremote(dev, "exec", "import os; print(os.stat('newdir')[0] & 0x4000 != 0)")
    check("board: mpremote fs mkdir", rc == 0 and out2 == "True\n", (rc, err, out2, err2))
    rc, out, err = mpremote(dev, "fs", "rmdir", ":newdir")
    rc2, out2, err2 = mpremote(dev, "exec", "import os; print('newdir' in os.listdir())")
    check("board: mpremote fs rmdir", rc == 0 and out2 == "False\n", (rc, err, out2, err2))

    # ---- mpremote repl, driven by pexpect
    try:
        import pexpect
    except ImportError:
        pexpect = None
    if pexpect is not None:
        child = pexpect.spawn("mpremote", ["connect", dev, "repl"], timeout=15, encoding="utf-8")
        ok = True
        try:
            child.expect("Connected to MicroPython")
            child.send("\r")
            child.expect(">>> ")
            child.send("1+1\r")
            child.expect("1\\+1\r\n2\r\n>>> ")
            child.send("\x1d")
            child.expect(pexpect.EOF)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            ok = False
        child.close()
        check("board: mpremote repl (pexpect): 1+1 gives 2, Ctrl-] leaves", ok and child.exitstatus == 0,
              (child.before, child.exitstatus))
    else:
        skip("mpremote repl with pexpect", "pip install pexpect")

    # ---- ampy put / get / ls
    if shutil.which("ampy"):
        small = bytes(random.Random(7).randrange(256) for _ in range(3000))
        with open(os.path.join(hostdir, "ampy.bin"), "wb") as f:
            f.write(small)

        def ampy(*args):
            p = subprocess.run(["ampy", "-p", dev, *args], cwd=hostdir, capture_output=True, timeout=120)
            return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")
        rc, out, err = ampy("put", "ampy.bin", "/flash/ampy_board.bin")
        rc2, out2, err2 = ampy("ls", "/flash")
        check("board: ampy put, ls", rc == 0 and rc2 == 0 and b"/flash/ampy_board.bin" in out2.splitlines(), (rc, err, out2, err2))
        rc, out, err = ampy("get", "/flash/ampy_board.bin", "ampy.back")
        got = open(os.path.join(hostdir, "ampy.back"), "rb").read() if os.path.exists(os.path.join(hostdir, "ampy.back")) else b""
        check("board: ampy get (the same bytes)", rc == 0 and got == small, (rc, err[-400:], len(got)))
    else:
        skip("ampy checks", "pip install adafruit-ampy")

    # ---- socat typing at the friendly REPL; Ctrl-C ends a busy loop
    if shutil.which("socat"):
        p = subprocess.run("(printf '\\002'; sleep 0.5; printf 'while True: pass\\r\\r'; sleep 1; printf '\\003'; sleep 1; printf '6*7\\r'; sleep 1) "
                           "| socat -t2 - %s,raw,echo=0" % dev, shell=True, capture_output=True, timeout=30)
        check("board: socat types a busy loop, Ctrl-C stops it, the REPL answers",
              b"KeyboardInterrupt: \r\n>>> " in p.stdout and p.stdout.endswith(b"6*7\r\n42\r\n>>> "), (p.stdout[-300:], p.stderr))
    else:
        skip("socat Ctrl-C", "socat not installed")

    # ---- run-tests device mode on 20 corpus scripts
    tests = corpus_selection()
    p = subprocess.run([sys.executable, os.path.join(HERE, "device_mode_runner.py"), "-v", "--device", dev, *tests],
                       capture_output=True, timeout=600, cwd=tmp)
    out = p.stdout.decode("utf-8", "replace")
    last = out.strip().splitlines()[-1] if out.strip() else ""
    check("board: run-tests device mode (raw REPL + soft reset + raw-paste) on %d corpus scripts" % len(tests),
          p.returncode == 0 and len(tests) == 20 and last.startswith("20 passed"), (out[-1500:], p.stderr[-500:]))

    # ---- bad input
    seed = random.randrange(1 << 30)
    rnd = random.Random(seed)
    blast(dev, bytes(rnd.randrange(256) for _ in range(64 * 1024)))
    answers("64 KB of random bytes at the friendly REPL (seed %d)" % seed)

    line = b"v = 123456789  # " + b"p" * 40 + b"\n"
    paste = b"\r\x03\x05" + line * (1024 * 1024 // len(line)) + b"\x04"
    echo = blast(dev, paste, chunk=4096)
    check("board: 1 MB pasted in paste mode ends in a clean result (MemoryError or a prompt)",
          echo.endswith(b">>> ") and (b"Traceback" not in echo[-2000:] or b"MemoryError: " in echo[-2000:]),
          echo[-400:])
    answers("1 MB in paste mode")

    # mpremote shows its progress on a terminal: kill it (SIGKILL) once 30-89 % has gone to /flash
    if pexpect is not None:
        child = pexpect.spawn("mpremote", ["connect", dev, "fs", "cp", src, ":/flash/partial.bin"], timeout=60)
        try:
            child.expect(rb"copying +[3-8]\d%")
            killed = child.isalive()
        except (pexpect.TIMEOUT, pexpect.EOF):
            killed = False
        child.kill(signal.SIGKILL)
        child.close(force=True)
        check("board: mpremote killed (SIGKILL) in the middle of a 100 KB fs cp", killed, child.before[-300:])
    else:
        skip("vanished client", "pip install pexpect")
    answers("the client vanished mid-transfer")

    import serial
    s = serial.Serial(dev, 115200, timeout=0.05, write_timeout=10, exclusive=True)
    s.write(b"\r\x03\x02")
    time.sleep(0.3)
    s.read(65536)
    s.write(b"n = 0\r")
    time.sleep(0.2)
    s.write(b"while True: n += 1\r\r")
    time.sleep(0.3)
    for _ in range(50):
        s.write(b"\x03" * 10)
    time.sleep(1)
    storm = s.read(1 << 20)
    s.write(b"n > 0\r")
    time.sleep(0.5)
    after = s.read(4096)
    s.close()
    check("board: a storm of 500 Ctrl-C stops the loop (KeyboardInterrupt) and leaves a working prompt",
          b"KeyboardInterrupt: \r\n" in storm and storm.endswith(b">>> ") and after == b"n > 0\r\nTrue\r\n>>> ",
          (storm[-200:], after))
    answers("500 x Ctrl-C while code runs")

    stop_board(bp)
    if shutil.which("fsck.fat"):
        for name, image in (("flash", img), ("SD", sd)):
            p = subprocess.run(["fsck.fat", "-n", image], capture_output=True, timeout=30)
            out = p.stdout.decode("utf-8", "replace")
            check("board: fsck.fat -n finds the %s image clean after the vanished client" % name, p.returncode == 0, out[-800:])
    else:
        skip("fsck.fat after the vanished client", "apt-get install dosfstools")


def stop_board(bp):
    if bp.poll() is None:
        bp.send_signal(signal.SIGTERM)
        try:
            bp.wait(10)
        except subprocess.TimeoutExpired:
            bp.kill()
            bp.wait()
