#!/usr/bin/env bash
# Fuzz the interpreter for SECONDS (default 60): random inputs (bytes, token soup, grammar programs)
# and mutations of Tests/corpus/**/*.py plus Tests/fuzz/seeds/*.py, all in process (fork server).
#
#   Tests/fuzz/run.sh [SECONDS] [extra microboard-fuzz options...]
#
# Exits non-zero if any input crashed the host (signal, Swift runtime trap, unexpected exit) or hung
# (ignored a KeyboardInterrupt for --timeout seconds after running --timeout seconds).
# Failing inputs are saved to Tests/fuzz/crashes/{crash,hang,exit}-<hash>.py with a .txt note.
# Environment: FUZZ_SEED (default 1, fixed so CI runs are repeatable; use $RANDOM for variety),
#              FUZZ_SCRATCH (SwiftPM scratch path, default .build), FUZZ_NO_BUILD=1 (skip the build).
# Minimize a failing input:  .build/release/microboard-fuzz --minimize Tests/fuzz/crashes/crash-XXXX.py
set -u
cd "$(dirname "$0")/../.."

SECS=${1:-60}
[ $# -gt 0 ] && shift
SEED=${FUZZ_SEED:-1}
SCRATCH=${FUZZ_SCRATCH:-.build}

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    swift build -c release --product microboard-fuzz --scratch-path "$SCRATCH" || { echo "fuzz: build failed" >&2; exit 2; }
fi
BIN="$SCRATCH/release/microboard-fuzz"
[ -x "$BIN" ] || { echo "fuzz: $BIN not found" >&2; exit 2; }

mkdir -p Tests/fuzz/crashes
"$BIN" --seed "$SEED" --time "$SECS" \
    --random 0 --mutate 0 Tests/corpus:Tests/fuzz/seeds \
    --lib Tests/corpus/import/lib \
    --crash-dir Tests/fuzz/crashes "$@"
status=$?
if [ $status -ne 0 ]; then
    echo "fuzz: FAILED (status $status); reproducers are in Tests/fuzz/crashes/" >&2
fi
exit $status
