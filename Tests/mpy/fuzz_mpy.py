#!/usr/bin/env python3
"""Fuzz the .mpy loader: truncated and mutated .mpy files must end in a Python exception (or run
normally), never crash or hang the interpreter.

Seeds are corpus tests compiled with mpy-cross. Each input (a pure function of --seed and its
number) is written as m.mpy and run with `microboard -m m`. A program still running after
--timeout seconds gets SIGINT and must then stop with KeyboardInterrupt (mutated code may loop
forever; it must stay interruptible). A signal, an exit status other than 0/1, or ignoring SIGINT
is a failure; the input is saved to --crash-dir.

Usage: python3 Tests/mpy/fuzz_mpy.py [--exe PATH] [--count N] [--seed S] [-j N] [--crash-dir DIR]
"""

import argparse
import concurrent.futures
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(REPO, "Tests", "corpus")
sys.path.insert(0, HERE)
from run_mpy_tests import mpy_cross_cmd  # noqa: E402

SEED_TESTS = ["exc/", "stmt/", "gen/", "func/", "class/", "comp/", "scope/", "expr/"]


def build_seeds(mpy_cross, workdir, limit):
    seeds = []
    for area in sorted(os.listdir(CORPUS)):
        d = os.path.join(CORPUS, area)
        if not os.path.isdir(d) or not any(s.startswith(area + "/") for s in SEED_TESTS):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".py"):
                continue
            out = os.path.join(workdir, area + "_" + name[:-3] + ".mpy")
            r = subprocess.run(mpy_cross + ["-o", out, "-s", name, name], cwd=d,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if r.returncode == 0:
                with open(out, "rb") as f:
                    seeds.append(f.read())
    random.Random(0).shuffle(seeds)
    return seeds[:limit]


def code_regions(data):
    """(start, end) of each raw code's opcodes in a .mpy file, found by walking its structure."""
    pos = [4]

    def byte():
        pos[0] += 1
        return data[pos[0] - 1]

    def uint():
        v = 0
        while True:
            c = byte()
            v = v << 7 | (c & 0x7F)
            if not c & 0x80:
                return v

    def obj():
        t = byte()
        if t == 10:
            for _ in range(uint()):
                obj()
        elif t >= 5:
            n = uint()
            pos[0] += n + (1 if t in (5, 6) else 0)

    regions = []

    def raw():
        kl = uint()
        start = pos[0]
        end = start + (kl >> 3)
        p = start
        while data[p] & 0x80:
            p += 1
        p += 1
        info = cell = n = 0
        while True:
            c = data[p]
            p += 1
            info |= ((c & 0x7E) >> 1) << (6 * n)
            cell |= (c & 1) << n
            n += 1
            if not c & 0x80:
                break
        regions.append((p + info + cell, end))
        pos[0] = end
        if kl & 4:
            for _ in range(uint()):
                raw()

    nq, no = uint(), uint()
    for _ in range(nq):
        ln = uint()
        if not ln & 1:
            pos[0] = pos[0] + (ln >> 1) + 1
    for _ in range(no):
        obj()
    raw()
    return [r for r in regions if r[1] > r[0]]


def mutate(data, rng, seeds, code_only=False):
    b = bytearray(data)
    kind = rng.randrange(8, 11) if code_only else rng.randrange(11)
    if kind >= 8:                                   # only inside the bytecode: most of these load
        regions = code_regions(data)
        if regions:
            for _ in range(rng.randint(1, 2)):
                start, end = rng.choice(regions)
                i = rng.randrange(start, end)
                r = rng.randrange(3)
                if r == 0:
                    b[i] = rng.randrange(256)
                elif r == 1:
                    b[i] = (b[i] + rng.choice([-2, -1, 1, 2])) & 0xFF
                else:
                    b[i] = rng.choice([0x40, 0x42, 0x43, 0x44, 0x4A, 0x4B, 0x53, 0x57, 0x59, 0x5A, 0x5B, 0x5C,
                                       0x5D, 0x5F, 0x63, 0x64, 0x34, 0x36, 0x2F, 0x51])
            return bytes(b), "code"
        kind = 1
    if kind == 0:                                   # truncate
        return bytes(b[:rng.randrange(len(b))]), "truncate"
    n = rng.randint(1, 4)
    for _ in range(n):
        if not b:
            break
        i = rng.randrange(len(b))
        if kind == 1:
            b[i] ^= 1 << rng.randrange(8)
        elif kind == 2:
            b[i] = rng.randrange(256)
        elif kind == 3:
            del b[i]
        elif kind == 4:
            b.insert(i, rng.randrange(256))
        elif kind == 5:                             # an interesting byte: opcodes of blocks, calls, jumps
            b[i] = rng.choice([0x40, 0x42, 0x43, 0x44, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x53, 0x5C, 0x5D,
                               0x5F, 0x63, 0x64, 0x34, 0x36, 0x37, 0x20, 0x2F, 0x31, 0x00, 0x7F, 0x80, 0xFF])
        elif kind == 6:                             # duplicate a chunk
            j = rng.randrange(len(b))
            k = min(len(b), j + rng.randint(1, 16))
            b[i:i] = b[j:k]
    if kind == 7:                                   # splice with another seed
        other = rng.choice(seeds)
        i = rng.randrange(len(b) + 1)
        j = rng.randrange(len(other) + 1)
        return bytes(b[:i] + other[j:]), "splice"
    return bytes(b), ["truncate", "flip", "set", "delete", "insert", "opcode", "dup", "splice"][kind]


def run_one(exe, work, data, timeout):
    path = os.path.join(work, "m.mpy")
    with open(path, "wb") as f:
        f.write(data)
    proc = subprocess.Popen([exe, "-X", "heapsize=2M", "-m", "m"], cwd=work, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return "hang", b""
    if proc.returncode in (0, 1):
        return "ok", err
    return "crash (status %d)" % proc.returncode, err


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exe", default=os.path.join(REPO, ".build", "debug", "microboard"))
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", type=int, default=60, help="how many compiled corpus files to mutate")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--code-only", action="store_true", help="mutate only bytecode bytes")
    ap.add_argument("--crash-dir", default=os.path.join(tempfile.gettempdir(), "mpy-fuzz-crashes"))
    args = ap.parse_args()
    exe = os.path.abspath(args.exe)
    top = tempfile.mkdtemp(prefix="mpy-fuzz-")
    try:
        seeds = build_seeds(mpy_cross_cmd(None), top, args.seeds)
        if not seeds:
            print("no seeds (is mpy-cross installed?)")
            return 2
        rng = random.Random(args.seed)
        inputs = []
        for n in range(args.count):
            data, how = mutate(rng.choice(seeds), rng, seeds, args.code_only)
            inputs.append((n, data, how))
        for j in range(args.jobs):
            os.makedirs(os.path.join(top, "w%d" % j), exist_ok=True)
        failures = 0
        kinds = {}

        def job(item):
            n, data, how = item
            work = os.path.join(top, "w%d" % (n % args.jobs))
            return n, how, data, run_one(exe, work, data, args.timeout)

        # inputs sharing a work folder must not run at once: one worker per folder
        groups = [[it for it in inputs if it[0] % args.jobs == j] for j in range(args.jobs)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = pool.map(lambda g: [job(it) for it in g], groups)
            for group in results:
                for n, how, data, (status, err) in group:
                    if status == "ok":
                        last = err.decode("utf-8", "replace").strip().splitlines()
                        key = last[-1].split(":")[0] if last else "no error"
                        kinds[key] = kinds.get(key, 0) + 1
                        continue
                    failures += 1
                    os.makedirs(args.crash_dir, exist_ok=True)
                    out = os.path.join(args.crash_dir, "mpy-fuzz-%d-%d.mpy" % (args.seed, n))
                    with open(out, "wb") as f:
                        f.write(data)
                    print("FAIL input %d (%s): %s -> %s" % (n, how, status, out))
        for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])[:8]:
            print("  %5d  %s" % (v, k))
        print("%d inputs, %d failures" % (args.count, failures))
        return 1 if failures else 0
    finally:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
