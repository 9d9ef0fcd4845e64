#!/usr/bin/env python3
"""Tests of the host runner's command-line contract (shared/notes/run-tests-contract.md §1-3):
options, exit statuses, tracebacks, stdin programs, MICROPYPATH, -m, SIGINT and resource errors.
Usage: run_cli_tests.py [--exe PATH]. Prints one line per test and 'N passed, M failed'."""
import os, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXE = os.path.join(ROOT, ".build/release/microboard")
if "--exe" in sys.argv:
    EXE = os.path.abspath(sys.argv[sys.argv.index("--exe") + 1])

results = []


def run(args, stdin=b"", env=None, cwd=None, timeout=30):
    p = subprocess.run([EXE] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, cwd=cwd, timeout=timeout)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def check(name, cond, detail=""):
    results.append(cond)
    print(("pass  " if cond else "FAIL  ") + name + ("" if cond else "  -- " + detail))


tmp = tempfile.mkdtemp()


def write(name, text):
    path = os.path.join(tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


# -c and exit status 0
rc, out, err = run(["-c", "print(1+1)"])
check("-c runs a command", rc == 0 and out == "2\n", repr((rc, out, err)))

# uncaught exception: traceback on stderr in MicroPython's format, exit 1
script = write("boom.py", "def f():\n    return 1/0\nf()\n")
rc, out, err = run([script])
expected = ('Traceback (most recent call last):\n  File "%s", line 3, in <module>\n'
            '  File "%s", line 2, in f\nZeroDivisionError: divide by zero\n' % (script, script))
check("uncaught exception traceback and exit 1", rc == 1 and err == expected, repr((rc, err)))

# SystemExit codes
check("raise SystemExit -> 0", run(["-c", "raise SystemExit"])[0] == 0)
check("SystemExit(5) -> 5", run(["-c", "import sys; sys.exit(5)"])[0] == 5)
rc, out, err = run(["-c", "raise SystemExit('bye')"])
check("SystemExit('bye') prints message, exit 1", rc == 1 and "bye" in err, repr((rc, err)))

# unknown options rejected with exit 1 and the reference message
rc, out, err = run(["-Q"])
check("unknown option -> exit 1", rc == 1 and "Invalid command line arguments" in err, repr((rc, err)))
rc, out, err = run(["-X", "bogus=1", "-c", "pass"])
check("unknown -X option -> exit 1", rc == 1, repr((rc, err)))
check("-X emit=bytecode accepted", run(["-X", "emit=bytecode", "-c", "print(3)"])[1] == "3\n")

# can't open file -> exit 2
rc, out, err = run([os.path.join(tmp, "missing.py")])
check("missing script -> exit 2", rc == 2 and "can't open file" in err, repr((rc, err)))

# sys.argv and sys.path[0]
script = write("sub/argv.py", "import sys\nprint(sys.argv)\nprint(sys.path[0])\n")
rc, out, err = run([script, "a", "b"])
check("sys.argv and sys.path[0]", out == "%r\n%s\n" % ([script, "a", "b"], os.path.dirname(script)), repr(out))

# a program on stdin when stdin is not a tty
rc, out, err = run([], stdin=b"x = 6\nprint(x * 7)\n")
check("program on stdin", rc == 0 and out == "42\n", repr((rc, out, err)))

# sys.stdin as a stream over fd 0: characters for the text stream, exact bytes for .buffer
prog = ("import sys\n"
        "print(repr(sys.stdin.read(3)), sys.stdin.buffer.read(3))\n"
        "b = bytearray(6)\n"
        "print(sys.stdin.buffer.readinto(b, 2), b[:2], repr(sys.stdin.readline()))\n"
        "print(sys.stdin.readlines(), repr(sys.stdin.read()))\n"
        "print(sys.stdout.buffer.write(b'raw\\x00\\n'), sys.stdin.buffer is sys.stdout.buffer)\n")
path = write("stdin_stream.py", prog)
rc, out, err = run([path], stdin="héllo\r\nwörld\nlast".encode())
check("sys.stdin read/readinto/readline/readlines over a pipe, sys.stdout.buffer raw",
      rc == 0 and out == "'hél' b'lo\\r'\n2 bytearray(b'\\nw') '\xf6rld\\n'\n['last'] ''\nraw\x00\n5 True\n",
      repr((rc, out, err)))

# -m runs a module as __main__, found through MICROPYPATH
write("lib/mymod.py", "print(__name__)\n")
env = dict(os.environ, MICROPYPATH=os.path.join(tmp, "lib"))
rc, out, err = run(["-m", "mymod"], env=env)
check("-m module via MICROPYPATH runs as __main__", rc == 0 and out == "__main__\n", repr((rc, out, err)))
rc, out, err = run(["-c", "import mymod"], env=env)
check("MICROPYPATH import", out == "mymod\n", repr((rc, out, err)))

# heap size option: gc.mem_free + mem_alloc equals (about) the heap
rc, out, err = run(["-X", "heapsize=256K", "-c", "import gc; print(gc.mem_free() + gc.mem_alloc())"])
check("-X heapsize=256K sets the heap", rc == 0 and 240000 < int(out) <= 262144, repr((rc, out, err)))

# huge allocations raise MemoryError and the process lives on
rc, out, err = run(["-c", "try:\n bytearray(10**9)\nexcept MemoryError:\n print('MemoryError')\nprint('alive')"])
check("MemoryError on huge allocation", out == "MemoryError\nalive\n", repr((rc, out, err)))

# deep recursion
rc, out, err = run(["-c", "def f(n): return f(n+1)\ntry:\n f(0)\nexcept RuntimeError as e:\n print(e)"])
check("deep recursion -> RuntimeError", out == "maximum recursion depth exceeded\n", repr((rc, out, err)))

# SyntaxError with its line
rc, out, err = run(["-c", "x = 1\ny = (\n"])
check("SyntaxError reported with line", rc == 1 and "SyntaxError" in err and 'line' in err, repr((rc, err)))

# SIGINT raises KeyboardInterrupt inside a running loop, also when the loop is a builtin draining
# an endless iterator, or when a nearly full heap makes every allocation collect
SIGINT_LOOPS = [
    ("a loop", "while True: pass"),
    ("any() over an endless callable iterator", "any(iter(int, 1))"),
    ("sum() over an endless map of a builtin", "sum(map(abs, iter(int, 1)))"),
    ("sum() of a huge range with gc.threshold(0)", "import gc\n gc.threshold(0)\n sum(range(10**9))"),
]
for what, body in SIGINT_LOOPS:
    prog = ("import sys\nprint('start'); sys.stdout.flush()\ntry:\n " + body +
            "\nexcept KeyboardInterrupt:\n print('caught KeyboardInterrupt')\n")
    p = subprocess.Popen([EXE, "-c", prog], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = p.stdout.readline()
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    name = "SIGINT -> KeyboardInterrupt in " + what
    try:
        out, err = p.communicate(timeout=10)
        check(name, line == b"start\n" and out == b"caught KeyboardInterrupt\n", repr((line, out, err)))
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        check(name, False, "timeout")

# Text built in host memory from a small heap (a list of 50,000 references to one 20 KB str has a
# 1 GB repr) ends in MemoryError, as it does on the board, not in a host allocation failure; the
# process runs under a 1.5 GB address-space limit, as the fuzzer's children do
import resource
import zlib
bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
bomb_path = os.path.join(tmp, "bomb.bin")
with open(bomb_path, "wb") as f:
    f.write(bomb.compress(b"\0" * 400_000_000) + bomb.flush())
AMPLIFIED = [
    ("repr of a list", "repr(l)"),
    ("str of a dict", "str({i: s for i in range(5000)})"),
    ("repr of a deque", "import collections\n  repr(collections.deque(l, 60000))"),
    ("json.dumps", "import json\n  json.dumps(l)"),
    ("%-formatting", "('%s' * 5000) % ((s,) * 5000)"),
    ("str.format", "('{0}' * 5000).format(s)"),
    ("re.sub with a function", "import re\n  re.sub('y', lambda m: s, 'y' * 50000)"),
    ("DeflateIO.read() of a 400 MB bomb",
     "import deflate, io\n  deflate.DeflateIO(io.BytesIO(open(%r, 'rb').read()), deflate.RAW).read()" % bomb_path),
]
prog = "s = 'x' * 20000\nl = [s] * 50000\n"
for what, body in AMPLIFIED:
    prog += "try:\n  %s\n  print(%r, 'built')\nexcept MemoryError:\n  print(%r, 'MemoryError')\n" % (body, what, what)


def limit_address_space():
    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))


p = subprocess.run([EXE, "-c", prog], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120,
                   preexec_fn=limit_address_space)
want = "".join("%s MemoryError\n" % what for what, _ in AMPLIFIED)
check("text amplified from a small heap gives MemoryError under an address-space limit",
      p.returncode == 0 and p.stdout.decode() == want, repr((p.returncode, p.stdout[-300:], p.stderr[-300:])))

# REPL-free interactive-less start-up speed sanity: -c pass returns quickly
t = time.time()
run(["-c", "pass"])
check("-c pass starts fast", time.time() - t < 1.0)

passed = sum(results)
print("%d passed, %d failed" % (passed, len(results) - passed))
sys.exit(0 if passed == len(results) else 1)
