#!/usr/bin/env python3
"""Board UARTs on host links: `microboard --board pyboard-v11 --uart N:pty|tcp:PORT` carries a
UART's bytes to a real peer (pyserial on the PTY, a TCP socket), at the baud rate, both ways.

Usage: run_uart_link_tests.py [--exe PATH]. Prints one line per check and 'N passed, M failed'.
Without pyserial the PTY checks print 'skip'."""
import os, re, select, socket, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXE = os.path.join(ROOT, ".build/debug/microboard")
if "--exe" in sys.argv:
    EXE = os.path.abspath(sys.argv[sys.argv.index("--exe") + 1])

results = []
tmp = tempfile.mkdtemp(prefix="microboard-uart-")

ECHO = """
import pyb, time
u = pyb.UART(%d, 115200, timeout=5000)
print('ready')
line = u.readline()
t0 = time.ticks_us()
u.write(b'echo:' + line + bytes(1000))
u.flush()
print('got', line, 'sent in', time.ticks_diff(time.ticks_us(), t0) // 1000, 'ms')
pyb.delay(1000)   # a board stays powered while the peer reads; the link closes with the process
"""


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("pass  " if cond else "FAIL  ") + name + ("" if cond else "  -- " + str(detail)[:600]))


def start(uart, spec):
    path = os.path.join(tmp, "echo%d.py" % uart)
    with open(path, "w") as f:
        f.write(ECHO % uart)
    p = subprocess.Popen([EXE, "--board", "pyboard-v11", "--headless", "--clock", "realtime",
                          "--uart", "%d:%s" % (uart, spec), "--run", path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    r, _, _ = select.select([p.stderr], [], [], 10)
    where = p.stderr.readline().decode().strip() if r else ""
    r, _, _ = select.select([p.stdout], [], [], 10)
    ready = p.stdout.readline().decode().strip() if r else ""
    return p, where, ready


def finish(p):
    try:
        out, err = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
    return out.decode(), err.decode()


def read_exactly(read, n, timeout=5.0):
    data = b""
    end = time.time() + timeout
    while len(data) < n and time.time() < end:
        chunk = read(n - len(data))
        if chunk:
            data += chunk
    return data


def pty_checks():
    try:
        import serial
    except ImportError:
        print("skip  UART on a PTY (pyserial missing)")
        return
    p, where, ready = start(1, "pty")
    m = re.match(r"microboard: UART\(1\) on (/dev/\S+)", where)
    check("UART(1) PTY endpoint announced", m and ready == "ready", (where, ready))
    if not m:
        p.kill()
        return
    s = serial.Serial(m.group(1), 115200, timeout=0.2)
    t0 = time.time()
    s.write(b"hello board\n")
    data = read_exactly(s.read, len(b"echo:hello board\n") + 1000)
    took = time.time() - t0
    s.close()
    out, err = finish(p)
    check("pyserial line echoed through UART(1)", data.startswith(b"echo:hello board\n") and data.endswith(bytes(1000)), data[:40])
    # 1017 bytes at 115200 baud take 88 ms of virtual time, which realtime mode keeps in step
    check("board reports the baud-rate time of the reply", "got b'hello board\\n' sent in 88 ms" in out, out)
    check("realtime mode paces the bytes (>= 80 ms on the host)", took >= 0.08, took)


def tcp_checks():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    p, where, ready = start(4, "tcp:%d" % port)
    check("UART(4) TCP endpoint announced", ("UART(4) on" in where) and ready == "ready", (where, ready))
    c = socket.create_connection(("127.0.0.1", port), timeout=5)
    c.sendall(b"over tcp\n")
    data = read_exactly(lambda n: c.recv(n), len(b"echo:over tcp\n") + 1000)
    c.close()
    out, err = finish(p)
    check("TCP client line echoed through UART(4)", data.startswith(b"echo:over tcp\n"), data[:40])
    check("UART(4) run ends cleanly", p.returncode == 0 and "got b'over tcp\\n'" in out, (p.returncode, out, err))


pty_checks()
tcp_checks()
failed = results.count(False)
print("%d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
