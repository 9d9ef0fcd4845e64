#!/usr/bin/env bash
# Sets up a fresh Debian machine and starts microboard.
# Needs the Swift 6.3 toolchain on PATH (swift.org's Linux toolchain); everything else comes
# from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for pkg in python3 libsdl2-dev pkg-config; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q "${need[@]}"
fi
command -v swift >/dev/null || { echo "swift not found: install the Swift 6.3 toolchain from swift.org" >&2; exit 1; }
# microboard is the lean host runner; it execs microboard-board (window, SDL2) for the board
swift build -c release --product microboard 2>&1 | tail -n 2
swift build -c release --product microboard-board 2>&1 | tail -n 2
exec .build/release/microboard "$@"
