#!/usr/bin/env python3
"""Runs Tests/board/*.py on the emulated board and compares the output with NAME.py.exp.

Each test runs as `microboard --board pyboard-v11 --headless --clock deterministic --run NAME.py`
from this directory (so tracebacks name the file alone), plus the options of a first-lines
comment `# board-args: ...` (e.g. --press USR:100:50). Usage:
    python3 Tests/board/run_board_tests.py --exe .build/debug/microboard [-q] [filter...]
"""
import argparse, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def board_stdin(path):
    # '# board-stdin: TEXT' (\n for newlines) feeds the console's input; none: empty input
    with open(path) as f:
        for line in f:
            if line.startswith("# board-stdin:"):
                return line.split(":", 1)[1].strip().encode().decode("unicode_escape").encode()
    return b""


def board_args(path):
    with open(path) as f:
        for line in f.readlines()[:5]:
            if line.startswith("# board-args:"):
                return line.split(":", 1)[1].split()
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--board", default="pyboard-v11")
    ap.add_argument("--gc-stress", action="store_true")
    ap.add_argument("-q", action="store_true")
    ap.add_argument("filters", nargs="*")
    a = ap.parse_args()
    exe = os.path.abspath(a.exe)
    # run_*.py and api_coverage_board.py are host scripts, not board programs
    tests = sorted(t for t in os.listdir(HERE)
                   if t.endswith(".py") and not t.startswith("run_") and t != "api_coverage_board.py")
    if a.filters:
        tests = [t for t in tests if any(f in t for f in a.filters)]
    failed = []
    for t in tests:
        cmd = [exe, "--board", a.board, "--headless", "--clock", "deterministic"] + board_args(os.path.join(HERE, t))
        if a.gc_stress:
            cmd += ["-X", "gcstress"]
        cmd += ["--run", t]
        try:
            p = subprocess.run(cmd, cwd=HERE, capture_output=True, timeout=120, input=board_stdin(os.path.join(HERE, t)))
            out = p.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            out = "TIMEOUT\n"
        with open(os.path.join(HERE, t + ".exp")) as f:
            exp = f.read()
        if out == exp:
            if not a.q:
                print("pass", t)
        else:
            failed.append(t)
            print("FAIL", t)
            import difflib
            for line in difflib.unified_diff(exp.splitlines(), out.splitlines(), "expected", "got", lineterm=""):
                print("   ", line)
            if p.stderr:
                print("    stderr:", p.stderr.decode("utf-8", "replace")[:2000])
    print("%d/%d board tests passed" % (len(tests) - len(failed), len(tests)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
