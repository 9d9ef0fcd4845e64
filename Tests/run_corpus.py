#!/usr/bin/env python3
"""Run the microboard Python test corpus.

Tests live in Tests/corpus/<area>/*.py (only files directly inside an area
folder are tests; subfolders hold support modules and data).  Each test is run
with the microboard executable and its output is compared with the expected
output: either a hand-written `<test>.py.exp` beside the test, or the output of
CPython (`python3 -B <test>`) computed on the fly.

Usage:
    python3 Tests/run_corpus.py [--exe PATH] [--gc-stress] [-j N]
                                [--heapsize 4M] [--update-failures DIR]
                                [-q] [--list] [FILTER ...]

FILTER arguments are substrings of the test's path relative to Tests/corpus
(e.g. `expr/` or `try_finally`).  The last line printed is
`N passed, M failed, K skipped`; the exit status is 1 if any test failed,
2 if the executable does not exist, else 0.
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import threading

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(TESTS_DIR)
CORPUS_DIR = os.path.join(TESTS_DIR, "corpus")

TIMEOUT = 60
GC_STRESS_TIMEOUT = 120
CPYTHON_TIMEOUT = 60

_cpython_cache = {}
_cpython_lock = threading.Lock()


def default_exe():
    release = os.path.join(REPO_ROOT, ".build", "release", "microboard")
    if os.path.exists(release):
        return release
    return os.path.join(REPO_ROOT, ".build", "debug", "microboard")


def find_tests(filters):
    tests = []
    if not os.path.isdir(CORPUS_DIR):
        return tests
    for area in sorted(os.listdir(CORPUS_DIR)):
        area_dir = os.path.join(CORPUS_DIR, area)
        if not os.path.isdir(area_dir):
            continue
        for name in sorted(os.listdir(area_dir)):
            path = os.path.join(area_dir, name)
            if not name.endswith(".py") or not os.path.isfile(path):
                continue
            rel = area + "/" + name
            if filters and not any(f in rel for f in filters):
                continue
            tests.append(rel)
    return tests


def run_process(argv, cwd, timeout):
    """Run argv, stdout+stderr merged; return (bytes output, returncode or None on timeout)."""
    try:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    except OSError as e:
        return ("cannot run %s: %s\n" % (argv[0], e)).encode(), -1
    try:
        out, _ = proc.communicate(timeout=timeout)
        return out, proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, 9)
        except OSError:
            proc.kill()
        out, _ = proc.communicate()
        return out, None


def expected_output(rel):
    path = os.path.join(CORPUS_DIR, rel)
    exp_path = path + ".exp"
    if os.path.exists(exp_path):
        with open(exp_path, "rb") as f:
            return f.read().replace(b"\r\n", b"\n")
    with _cpython_lock:
        if rel in _cpython_cache:
            return _cpython_cache[rel]
    out, rc = run_process(
        [sys.executable, "-B", "-W", "ignore", path], os.path.dirname(path), CPYTHON_TIMEOUT
    )
    out = out.replace(b"\r\n", b"\n")
    with _cpython_lock:
        _cpython_cache[rel] = out
    return out


def run_test(rel, args):
    path = os.path.join(CORPUS_DIR, rel)
    expected = expected_output(rel)
    if expected == b"SKIP\n":
        return rel, "skip", expected, b""
    argv = [args.exe, "-X", "heapsize=" + args.heapsize]
    if args.gc_stress:
        argv += ["-X", "gcstress"]
    argv.append(path)
    timeout = GC_STRESS_TIMEOUT if args.gc_stress else TIMEOUT
    out, rc = run_process(argv, os.path.dirname(path), timeout)
    if rc is None:
        out += b"TIMEOUT\n"
    elif rc != 0:
        out += b"CRASH\n"
    out = out.replace(b"\r\n", b"\n")
    if out == b"SKIP\n":
        return rel, "skip", expected, out
    return rel, ("pass" if out == expected else "fail"), expected, out


def show_diff(rel, expected, actual):
    exp_lines = expected.decode("utf-8", "replace").splitlines(keepends=True)
    out_lines = actual.decode("utf-8", "replace").splitlines(keepends=True)
    diff = list(
        difflib.unified_diff(exp_lines, out_lines, rel + ".exp", rel + ".out")
    )
    for line in diff[:40]:
        sys.stdout.write(line if line.endswith("\n") else line + "\n")
    if len(diff) > 40:
        sys.stdout.write("... (%d more diff lines)\n" % (len(diff) - 40))


def main():
    parser = argparse.ArgumentParser(description="Run the microboard Python test corpus.")
    parser.add_argument("--exe", default=None, help="path to the microboard executable")
    parser.add_argument("--gc-stress", action="store_true", help="pass -X gcstress (longer timeout)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--heapsize", default="4M", help="value for -X heapsize= (default 4M)")
    parser.add_argument("--update-failures", metavar="DIR", default=None,
                        help="write <test>.exp / <test>.out of failing tests into DIR")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print diffs")
    parser.add_argument("--list", action="store_true", help="list the selected tests and exit")
    parser.add_argument("--no-cpython-cache", action="store_true", help="ignored (accepted for compatibility)")
    parser.add_argument("filters", nargs="*", metavar="FILTER")
    args = parser.parse_args()

    tests = find_tests(args.filters)
    if args.list:
        for t in tests:
            print(t)
        return 0

    args.exe = os.path.abspath(args.exe) if args.exe else default_exe()
    if not os.path.exists(args.exe):
        print("executable not found: %s" % args.exe)
        return 2

    passed = failed = skipped = 0
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run_test, rel, args) for rel in tests]
        for fut in futures:  # report in deterministic (sorted) order
            rel, status, expected, out = fut.result()
            if status == "pass":
                passed += 1
                print("pass  " + rel)
            elif status == "skip":
                skipped += 1
                print("skip  " + rel)
            else:
                failed += 1
                failures.append(rel)
                print("FAIL  " + rel)
                if not args.quiet:
                    show_diff(rel, expected, out)
                if args.update_failures:
                    base = os.path.join(args.update_failures, rel.replace("/", "_"))
                    os.makedirs(args.update_failures, exist_ok=True)
                    with open(base + ".exp", "wb") as f:
                        f.write(expected)
                    with open(base + ".out", "wb") as f:
                        f.write(out)
            sys.stdout.flush()

    if failures:
        print("failed tests: " + " ".join(failures))
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into e.g. `head`
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
