#!/usr/bin/env python3
"""Measures the board's API coverage: which names of the pyboard checklist exist on the running
emulated pyboard (/work/shared/api/api_coverage.py run on the board itself).

The board heap is 100 KB, so the checklist is split into chunks of about 150 names; each chunk
runs as its own program whose open() returns the chunk as an io.StringIO, followed by
api_coverage.py's text. Prints the missing names and the total "api coverage: F/T".
Usage:
    python3 Tests/board/api_coverage_board.py --exe .build/release/microboard
        [--checklist PATH] [--checker PATH] [--chunk 150] [--missing-only]
"""
import argparse, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = "/work/shared/api"


def find(path_opt, name):
    for p in (path_opt, os.path.join(SHARED, name), os.path.join(HERE, name)):
        if p and os.path.exists(p):
            return p
    sys.exit("cannot find %s (pass --%s)" % (name, "checklist" if name.endswith(".txt") else "checker"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--board", default="pyboard-v11")
    ap.add_argument("--checklist")
    ap.add_argument("--checker")
    ap.add_argument("--chunk", type=int, default=150)
    ap.add_argument("--quiet", action="store_true", help="print only the total")
    a = ap.parse_args()
    checklist = find(a.checklist, "pyboard-v11.txt")
    checker = open(find(a.checker, "api_coverage.py")).read()
    names = []
    for line in open(checklist):
        s = line.strip()
        if s and not s.startswith("#"):
            names.append(s.split()[0])
    found = total = 0
    missing = []
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(names), a.chunk):
            chunk = names[start:start + a.chunk]
            prog = os.path.join(tmp, "chunk.py")
            with open(prog, "w") as f:
                f.write("import io\n_CHUNK = %r\n" % "\n".join(chunk))
                f.write("def open(path, *args):\n    return io.StringIO(_CHUNK)\n\n")
                f.write(checker)
            p = subprocess.run([a.exe, "--board", a.board, "--headless", "--clock", "fast", "--run", prog],
                               capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
            out = p.stdout.decode("utf-8", "replace").splitlines()
            summary = [l for l in out if l.startswith("api coverage: ")]
            if not summary:
                sys.stderr.write("chunk %d failed:\n%s%s\n" % (start // a.chunk, p.stdout.decode()[-2000:], p.stderr.decode()[-2000:]))
                return 2
            f_, t_ = summary[-1].split(": ")[1].split("/")
            found += int(f_)
            total += int(t_)
            missing += [l[len("missing "):] for l in out if l.startswith("missing ")]
    if not a.quiet:
        for m in missing:
            print("missing " + m)
    print("api coverage: %d/%d" % (found, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
