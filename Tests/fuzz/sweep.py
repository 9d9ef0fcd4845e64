#!/usr/bin/env python3
"""Systematic type-confusion sweep: call every builtin function, every method of the builtin types
(bound and unbound, i.e. with a wrong `self`) and module functions with arguments of many types,
and report every call that crashes or hangs the interpreter (a Python exception is fine).

    python3 Tests/fuzz/sweep.py [--exe PATH] [--args N] [--timeout S] [--host-mem MB] [FILTER ...]

Calls run in batches inside one microboard process; each call is announced on stdout before it
runs, so after a crash the sweep knows which call it was and resumes after it. FILTER keeps only
calls containing one of the substrings. The process's address space is limited (--host-mem) so a
call that makes the host allocate gigabytes fails fast instead of swapping the machine.
Prints one line per crashing call and a summary; exit status 1 if any call crashed or hung.
"""
import argparse
import os
import resource
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

VALUES = [
    "0", "1", "-1", "2**31", "2**64", "-2**70", "1.5", "float('nan')", "1j", "True", "None",
    "''", "'abc'", "'big'", "b''", "b'ab'", "bytearray(b'xy')", "memoryview(b'ab')",
    "[]", "[1, 2]", "()", "(1,)", "{}", "{1: 2}", "{1}", "frozenset()", "range(3)", "slice(1, 2)",
    "object()", "int", "str", "len", "lambda *a: 0", "iter([1])", "map(abs, [])", "(x for x in [])",
    "ValueError('v')", "...", "NotImplemented", "sys",
]
SELVES = ["0", "1.5", "'a'", "b'a'", "None", "[]", "()", "{}", "map(abs, [])", "object()", "1j",
          "bytearray(2)", "memoryview(b'ab')", "range(2)", "{1}", "ValueError()", "int", "sys"]
ARGS1 = ["", ", 1", ", 'big'", ", None", ", []", ", b'x'", ", 1.5"]

PRELUDE = """import sys
def _run(i, code):
    sys.stdout.write('@%d\\n' % i)
    try:
        eval(code)
    except Exception:
        pass
"""

def discover(exe):
    """Names of the methods of builtin types, builtins, and functions of importable modules."""
    code = r"""
import builtins
types = (int, float, complex, bool, str, bytes, bytearray, list, tuple, dict, set, frozenset, range,
         memoryview, slice, object, type, BaseException, Exception, ValueError, OSError, StopIteration)
for t in types:
    for n in dir(t):
        if n not in ('__class__', '__name__', '__bases__', '__mro__', '__dict__', '__doc__', '__module__'):
            print('M', t.__name__, n)
for n in dir(builtins):
    if n not in ('input', 'help', '__build_class__', 'breakpoint') and not n.startswith('_'):
        print('B', n)
for m in ('sys', 'gc', 'micropython', 'json', 're', 'collections', 'io', 'struct', 'math', 'cmath',
          'binascii', 'array', 'time', 'os', 'heapq', 'random', 'errno', 'platform', 'hashlib',
          'select', 'deflate', 'framebuf', 'uctypes', 'machine', 'asyncio', 'vfs', 'marshal'):
    try:
        mod = __import__(m)
    except Exception:
        continue
    for n in dir(mod):
        if not n.startswith('_') and n not in ('exit', 'stdin', 'sleep', 'sleep_ms', 'sleep_us', 'reset',
                                               'soft_reset', 'deepsleep', 'lightsleep', 'idle', 'kbd_intr',
                                               'heap_lock', 'remove', 'rmdir', 'rename', 'unmount', 'umount',
                                               'chdir', 'dupterm', 'mount', 'bootloader', 'disable_irq'):
            print('F', m, n)
"""
    out = subprocess.run([exe, "-c", code], capture_output=True, text=True, timeout=60).stdout
    return [l.split() for l in out.splitlines() if l[:2] in ("M ", "B ", "F ")]

def calls(names, nargs):
    out = []
    for rec in names:
        if rec[0] == "M":
            t, n = rec[1], rec[2]
            for s in SELVES:
                for a in ARGS1:
                    out.append(f"{t}.{n}({s}{a})")
            for v in VALUES:
                out.append(f"({t}).{n}({v})")
        elif rec[0] == "B":
            n = rec[1]
            out.append(f"{n}()")
            for v in VALUES:
                out.append(f"{n}({v})")
                if nargs >= 2:
                    for w in VALUES[::3]:
                        out.append(f"{n}({v}, {w})")
        else:
            m, n = rec[1], rec[2]
            out.append(f"__import__('{m}').{n}()")
            for v in VALUES:
                out.append(f"__import__('{m}').{n}({v})")
                if nargs >= 2:
                    for w in VALUES[::4]:
                        out.append(f"__import__('{m}').{n}({v}, {w})")
    return out

def run_batch(exe, batch, start, timeout, host_mem, cwd):
    """Runs calls batch[start:]; returns (index of the call that crashed or None, detail)."""
    lines = [PRELUDE]
    for i in range(start, len(batch)):
        lines.append(f"_run({i}, {batch[i]!r})")
    src = "\n".join(lines) + "\nsys.stdout.write('@done\\n')\n"
    path = os.path.join(cwd, "sweep_batch.py")
    def limit():
        if host_mem:
            resource.setrlimit(resource.RLIMIT_AS, (host_mem << 20, host_mem << 20))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        with open(path, "w") as f:
            f.write(src)
        r = subprocess.run([exe, path], capture_output=True, timeout=timeout, preexec_fn=limit,
                           stdin=subprocess.DEVNULL, cwd=cwd, env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
        out, err, rc = r.stdout, r.stderr, r.returncode
        hung = False
    except subprocess.TimeoutExpired as e:
        out, err, rc, hung = e.stdout or b"", e.stderr or b"", None, True
    marks = [l for l in out.split(b"\n") if l.startswith(b"@")]
    if marks and marks[-1] == b"@done" and not hung and rc in (0, 1):
        return None, ""
    last = int(marks[-1][1:]) if marks and marks[-1] != b"@done" else start
    msg = [l for l in err.decode("utf-8", "replace").splitlines() if "Fatal error" in l or "crashed" in l]
    what = "hang" if hung else (f"signal {-rc}" if rc is not None and rc < 0 else f"status {rc}")
    return last, what + (": " + msg[0][:160] if msg else "")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=os.path.join(ROOT, ".build", "release", "microboard"))
    ap.add_argument("--args", type=int, default=2, help="max positional args for builtins/functions (1 or 2)")
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--host-mem", type=int, default=1024, help="address-space limit in MB (0: none)")
    ap.add_argument("filters", nargs="*")
    a = ap.parse_args()
    names = discover(a.exe)
    batch = calls(names, a.args)
    if a.filters:
        batch = [c for c in batch if any(f in c for f in a.filters)]
    import tempfile
    cwd = tempfile.mkdtemp(prefix="microboard-sweep-")
    print(f"sweep: {len(batch)} calls", flush=True)
    failures = []
    pos = 0
    while pos < len(batch):
        end = min(len(batch), pos + 2000)
        bad, what = run_batch(a.exe, batch[:end], pos, a.timeout, a.host_mem, cwd)
        if bad is None:
            pos = end
            continue
        failures.append((batch[bad], what))
        print(f"CRASH {batch[bad]}  -> {what}", flush=True)
        pos = bad + 1
    print(f"sweep: {len(batch)} calls, {len(failures)} crashed or hung")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
