#!/usr/bin/env bash
# Benchmark microboard against CPython (python3).
#
# Usage: Benchmarks/run.sh [options] [NAME ...]
#
#   NAME            benchmark to run: fib, bm_fib or bm_fib.py (default: every bm_*.py here)
#   --no-build      do not run `swift build -c release --product microboard` first
#   --runs N        runs per benchmark and interpreter; the median wall time is reported (default 3)
#   --scale X       work scale passed as argv[1] to every benchmark (default: none, i.e. 1.0;
#                   only the default scale checks the hard-coded expected result)
#   --exe PATH      microboard executable (default: <repo>/.build/release/microboard)
#   --python PATH   reference interpreter (default: python3)
#   --mb-arg ARG    extra option passed to microboard before the script (repeatable),
#                   e.g. --mb-arg -X --mb-arg heapsize=64M
#   --timeout S     per-run time limit in seconds (default 300)
#   --no-startup    skip the start-up time / peak RSS measurement
#   -h, --help      show this help
#
# A benchmark passes when, on every run, both interpreters exit with status 0 and print `OK`
# as their last line, and microboard's output is identical to python3's. Failing benchmarks are
# marked FAIL (their output is kept in a log directory) and left out of the geometric mean.
# The exit status is 0 when every benchmark passed, 1 otherwise, 2 on a usage or build error.

set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"

BUILD=1
RUNS=3
SCALE=""
EXE=""
PY="python3"
TIMEOUT=300
STARTUP=1
MB_ARGS=()
NAMES=()

usage() {
    sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed -e 's/^# \{0,1\}//'
}

die() {
    echo "run.sh: $*" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --no-startup) STARTUP=0 ;;
        --runs) [ $# -ge 2 ] || die "--runs needs a value"; RUNS="$2"; shift ;;
        --runs=*) RUNS="${1#*=}" ;;
        --scale) [ $# -ge 2 ] || die "--scale needs a value"; SCALE="$2"; shift ;;
        --scale=*) SCALE="${1#*=}" ;;
        --exe) [ $# -ge 2 ] || die "--exe needs a value"; EXE="$2"; shift ;;
        --exe=*) EXE="${1#*=}" ;;
        --python) [ $# -ge 2 ] || die "--python needs a value"; PY="$2"; shift ;;
        --python=*) PY="${1#*=}" ;;
        --mb-arg) [ $# -ge 2 ] || die "--mb-arg needs a value"; MB_ARGS+=("$2"); shift ;;
        --mb-arg=*) MB_ARGS+=("${1#*=}") ;;
        --timeout) [ $# -ge 2 ] || die "--timeout needs a value"; TIMEOUT="$2"; shift ;;
        --timeout=*) TIMEOUT="${1#*=}" ;;
        -h|--help) usage; exit 0 ;;
        --) shift; NAMES+=("$@"); break ;;
        -*) die "unknown option: $1 (see --help)" ;;
        *) NAMES+=("$1") ;;
    esac
    shift
done

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$RUNS'"
[[ "$TIMEOUT" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--timeout must be a number of seconds, got '$TIMEOUT'"
if [ -n "$SCALE" ]; then
    [[ "$SCALE" =~ ^[0-9]*([.][0-9]+)?$ && "$SCALE" =~ [0-9] ]] || die "--scale must be a positive number, got '$SCALE'"
fi
command -v python3 >/dev/null 2>&1 || die "python3 is needed to run this script"
command -v "$PY" >/dev/null 2>&1 || die "reference interpreter not found: $PY"
# Resolve launcher shims (pyenv, ...) to the real interpreter so they do not distort the timings.
PY_REAL="$("$PY" -c 'import sys; print(sys.executable or "")' 2>/dev/null || true)"
if [ -n "$PY_REAL" ] && [ -x "$PY_REAL" ]; then
    PY="$PY_REAL"
fi
HELPER_PY="$(python3 -c 'import sys; print(sys.executable or "")' 2>/dev/null || true)"
if [ -z "$HELPER_PY" ] || [ ! -x "$HELPER_PY" ]; then
    HELPER_PY=python3
fi

# ---------------------------------------------------------------------------------------------
# Benchmark selection
FILES=()
if [ ${#NAMES[@]} -eq 0 ]; then
    for f in "$HERE"/bm_*.py; do
        [ -e "$f" ] && FILES+=("$f")
    done
else
    for n in "${NAMES[@]}"; do
        n="$(basename "$n")"
        n="${n%.py}"
        case "$n" in bm_*) ;; *) n="bm_$n" ;; esac
        [ -f "$HERE/$n.py" ] || die "no such benchmark: $HERE/$n.py"
        FILES+=("$HERE/$n.py")
    done
fi
[ ${#FILES[@]} -gt 0 ] || die "no benchmarks found in $HERE"

# ---------------------------------------------------------------------------------------------
# Build
if [ "$BUILD" -eq 1 ]; then
    echo "building: swift build -c release --product microboard (in $ROOT)"
    if ! (cd "$ROOT" && swift build -c release --product microboard); then
        die "swift build failed"
    fi
fi
if [ -z "$EXE" ]; then
    EXE="$ROOT/.build/release/microboard"
fi
if [[ "$EXE" != */* ]]; then
    EXE="$(command -v "$EXE" || true)"
fi
[ -n "$EXE" ] && [ -x "$EXE" ] || die "microboard executable not found or not executable: ${EXE:-<none>} (build it or pass --exe PATH)"
EXE="$(cd "$(dirname "$EXE")" && pwd)/$(basename "$EXE")"

LOGDIR="$(mktemp -d "${TMPDIR:-/tmp}/microboard-bench.XXXXXX")"

# ---------------------------------------------------------------------------------------------
# Helper (python3): timing with time.perf_counter, pass/fail checks, start-up and peak RSS.
#   bench RUNS TIMEOUT OUTFILE CMD...   -> prints the median seconds, exit 0; or a reason, exit 1
#   startup RUNS TIMEOUT CMD...          -> prints the median milliseconds, exit 0; or a reason
#   maxrss TIMEOUT CMD...                -> prints the child's peak RSS in KiB (ru_maxrss)
HELPER=$(cat <<'PYEOF'
import resource, statistics, subprocess, sys, time

def run_once(cmd, timeout):
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b"", "timeout after %gs" % timeout
    except OSError as e:
        return None, b"", b"", "cannot run: %s" % e
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        if p.returncode < 0:
            why = "killed by signal %d" % -p.returncode
        else:
            why = "exit status %d" % p.returncode
        return None, p.stdout, p.stderr, why
    return dt, p.stdout, p.stderr, None

def last_line(data):
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return lines[-1].strip() if lines else ""

def bench(args):
    runs, timeout, outfile, cmd = int(args[0]), float(args[1]), args[2], args[3:]
    times = []
    for i in range(runs):
        dt, out, err, why = run_once(cmd, timeout)
        with open(outfile, "wb") as f:
            f.write(out)
        with open(outfile + ".err", "wb") as f:
            f.write(err)
        if why is None and last_line(out) != "OK":
            why = "last line is not OK"
        if why is not None:
            tail = last_line(err)
            if tail:
                why += " (" + tail[:70] + ")"
        if why is not None:
            print(why)
            return 1
        times.append(dt)
    print("%.6f" % statistics.median(times))
    return 0

def startup(args):
    runs, timeout, cmd = int(args[0]), float(args[1]), args[2:]
    times = []
    for i in range(runs):
        dt, out, err, why = run_once(cmd, timeout)
        if why is not None:
            print(why)
            return 1
        times.append(dt)
    print("%.2f" % (statistics.median(times) * 1000.0))
    return 0

def maxrss(args):
    timeout, cmd = float(args[0]), args[1:]
    dt, out, err, why = run_once(cmd, timeout)
    if why is not None:
        print(why)
        return 1
    # Only one child has been waited for in this process, so this is its peak RSS (KiB on Linux).
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return 0

mode = sys.argv[1]
sys.exit({"bench": bench, "startup": startup, "maxrss": maxrss}[mode](sys.argv[2:]))
PYEOF
)

helper() {
    "$HELPER_PY" -c "$HELPER" "$@"
}

# Peak RSS in KiB of one run of the given command (GNU time when available).
peak_rss_kib() {
    local out
    if /usr/bin/time -f %M true >/dev/null 2>&1; then
        local tfile="$LOGDIR/time.out"
        if /usr/bin/time -f %M -o "$tfile" "$@" >/dev/null 2>&1 </dev/null; then
            out="$(tail -n 1 "$tfile")"
            echo "$out"
            return 0
        fi
        echo "command failed"
        return 1
    fi
    helper maxrss "$TIMEOUT" "$@"
}

# ---------------------------------------------------------------------------------------------
SCALE_ARGS=()
if [ -n "$SCALE" ]; then SCALE_ARGS=("$SCALE"); fi
MB_CMD=("$EXE" ${MB_ARGS[@]+"${MB_ARGS[@]}"})

echo "microboard: ${MB_CMD[*]}"
echo "python3:    $PY ($("$PY" -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || echo '?'))"
echo "runs: $RUNS (median)   scale: ${SCALE:-1.0 (default)}   timeout: ${TIMEOUT}s"
echo

if [ "$STARTUP" -eq 1 ]; then
    if st="$(helper startup 20 "$TIMEOUT" "${MB_CMD[@]}" -c pass)"; then
        st_text="$st ms"
    else
        st_text="FAIL ($st)"
    fi
    if pst="$(helper startup 20 "$TIMEOUT" "$PY" -c pass)"; then
        pst_text="$pst ms"
    else
        pst_text="FAIL ($pst)"
    fi
    if rss="$(peak_rss_kib "${MB_CMD[@]}" -c pass)"; then
        rss_text="$rss KiB"
    else
        rss_text="FAIL ($rss)"
    fi
    if prss="$(peak_rss_kib "$PY" -c pass)"; then
        prss_text="$prss KiB"
    else
        prss_text="FAIL ($prss)"
    fi
    printf "start-up (median of 20 runs of '-c pass'): microboard %s, python3 %s\n" "$st_text" "$pst_text"
    printf "peak RSS of '-c pass':                      microboard %s, python3 %s\n" "$rss_text" "$prss_text"
    echo
fi

printf "%-16s %13s %11s %13s  %s\n" "name" "microboard_s" "python3_s" "ratio(mb/py)" "status"
RATIOS=()
FAILED=()
for f in "${FILES[@]}"; do
    name="$(basename "$f" .py)"
    mb_out="$LOGDIR/$name.microboard.out"
    py_out="$LOGDIR/$name.python3.out"
    status="ok"
    mb_t="-"
    py_t="-"
    ratio="-"
    if r="$(cd "$HERE" && helper bench "$RUNS" "$TIMEOUT" "$mb_out" "${MB_CMD[@]}" "$f" ${SCALE_ARGS[@]+"${SCALE_ARGS[@]}"})"; then
        mb_t="$r"
    else
        status="FAIL microboard: $r"
    fi
    if r="$(cd "$HERE" && helper bench "$RUNS" "$TIMEOUT" "$py_out" "$PY" "$f" ${SCALE_ARGS[@]+"${SCALE_ARGS[@]}"})"; then
        py_t="$r"
    else
        if [ "$status" = "ok" ]; then
            status="FAIL python3: $r"
        else
            status="$status; python3: $r"
        fi
    fi
    if [ "$status" = "ok" ] && ! cmp -s "$mb_out" "$py_out"; then
        status="FAIL output differs from python3"
    fi
    if [ "$status" = "ok" ]; then
        ratio="$(awk -v a="$mb_t" -v b="$py_t" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "inf" }')"
        if [ "$ratio" != "inf" ]; then
            RATIOS+=("$ratio")
        fi
        mb_t="$(printf "%.3f" "$mb_t")"
        py_t="$(printf "%.3f" "$py_t")"
    else
        if [ "$mb_t" != "-" ]; then mb_t="$(printf "%.3f" "$mb_t")"; fi
        if [ "$py_t" != "-" ]; then py_t="$(printf "%.3f" "$py_t")"; fi
        FAILED+=("$name")
    fi
    printf "%-16s %13s %11s %13s  %s\n" "$name" "$mb_t" "$py_t" "$ratio" "$status"
done

echo
if [ ${#RATIOS[@]} -gt 0 ]; then
    geo="$(printf "%s\n" "${RATIOS[@]}" | awk '$1 > 0 { s += log($1); n++ } END { if (n) printf "%.3f", exp(s / n); else print "-" }')"
    echo "geometric mean ratio (mb/py) over ${#RATIOS[@]} passing benchmark(s): $geo"
else
    echo "geometric mean ratio (mb/py): - (no passing benchmark)"
fi
echo "failures: ${#FAILED[@]}${FAILED[0]+ (${FAILED[*]})}"
if [ ${#FAILED[@]} -gt 0 ]; then
    echo "outputs of the last run of each benchmark: $LOGDIR"
    exit 1
fi
rm -rf "$LOGDIR"
exit 0
