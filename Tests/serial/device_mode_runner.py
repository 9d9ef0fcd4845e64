#!/usr/bin/env python3
"""What MicroPython's `tests/run-tests.py -t port:/dev/pts/N` does per test, re-implemented from
shared/notes/run-tests-contract.md §5.1-5.5 (tools/pyboard.py's logic), to run corpus scripts on a
board through its serial port:

  connect (pyserial, 115200, exclusive), then per test:
  §5.2  enter the raw REPL with a soft reset: \\r^C, drain, \\r^A, wait for the raw banner + '>',
        ^D, wait for 'soft reboot\\r\\n' and the raw banner (the '>' is read by the exec);
  §5.3  exec: read to '>', try raw-paste once per connection (^E A ^A → 'R\\x01' + window), else
        standard raw mode (256-byte chunks 10 ms apart, ^D, expect 'OK'); follow: stdout to the
        first 0x04, stderr to the second (timeout between bytes);
  §5.4  raw-paste flow control: send at most the free window, 0x01 from the board adds a window;
  §5.5  the source is prefixed with print('START TEST') (no newline when line 1 is a comment);
        stdout must start with 'START TEST\\r\\n'; non-empty stderr → output + stderr + 'CRASH'
        (SKIP-TOO-LARGE when stdout is empty and stderr has MemoryError); 'SKIP' → skip, waiting
        for the soft reset SystemExit causes.

The expected output is <test>.exp when present, else CPython's (`python3 -B -W ignore test.py`), both with
\\r\\n → \\n, as run-tests compares them.

Usage: device_mode_runner.py --device /dev/pts/N [--python python3] [-v] TEST.py...
Prints 'pass/FAIL/skip  name' per test and 'N passed, M failed, K skipped'; exit status 1 on a
failure, 2 when the board cannot be reached (run-tests' 'could not detect test instance')."""
import os, subprocess, sys, time

import serial

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"
TEST_TIMEOUT = float(os.environ.get("MICROPY_TEST_TIMEOUT", "30"))


class BoardError(Exception):
    pass


class Board:
    def __init__(self, device):
        self.s = serial.Serial(device, baudrate=115200, timeout=None, write_timeout=5,
                               interCharTimeout=1, exclusive=True)
        self.use_raw_paste = True

    def close(self):
        self.s.close()

    def read_until(self, ending, timeout=10.0, overall=None):
        """pyboard's read_until: polls; gives up after `timeout` s without a byte or `overall` s."""
        data = b""
        start = last = time.time()
        while not data.endswith(ending):
            if self.s.in_waiting:
                data += self.s.read(1)
                last = time.time()
            else:
                now = time.time()
                if now - last > timeout or (overall is not None and now - start > overall):
                    break
                time.sleep(0.001)
        return data

    def enter_raw_repl(self, soft_reset=True, overall=5.0):
        self.s.write(b"\r\x03")
        time.sleep(0.05)
        while self.s.in_waiting:
            self.s.read(self.s.in_waiting)
            time.sleep(0.01)
        self.s.write(b"\r\x01")
        data = self.read_until(RAW_BANNER + b">", overall=overall)
        if not data.endswith(RAW_BANNER + b">"):
            raise BoardError("could not enter raw repl", data)
        if soft_reset:
            self.s.write(b"\x04")
            data = self.read_until(b"soft reboot\r\n", overall=overall)
            if not data.endswith(b"soft reboot\r\n"):
                raise BoardError("could not enter raw repl (no soft reboot)", data)
            data = self.read_until(RAW_BANNER, overall=overall)
            if not data.endswith(RAW_BANNER):
                raise BoardError("could not enter raw repl (no banner after reboot)", data)

    def raw_paste_write(self, code):
        window = int.from_bytes(self.s.read(2), "little")
        remaining = window
        i = 0
        while i < len(code):
            while remaining == 0 or self.s.in_waiting:
                b = self.s.read(1)
                if b == b"\x01":
                    remaining += window
                elif b == b"\x04":
                    self.s.write(b"\x04")   # the board ended the data early (e.g. SyntaxError)
                    return
                else:
                    raise BoardError("unexpected byte during raw paste", b)
            chunk = code[i:i + min(remaining, len(code) - i)]
            self.s.write(chunk)
            remaining -= len(chunk)
            i += len(chunk)
        self.s.write(b"\x04")
        data = self.read_until(b"\x04")
        if not data.endswith(b"\x04"):
            raise BoardError("could not complete raw paste", data)

    def exec_raw_no_follow(self, code):
        data = self.read_until(b">")
        if not data.endswith(b">"):
            raise BoardError("could not enter raw repl (no prompt)", data)
        if self.use_raw_paste:
            self.s.write(b"\x05A\x01")
            head = self.s.read(2)
            if head == b"R\x01":
                return self.raw_paste_write(code)
            if head != b"R\x00":
                self.read_until(b"w REPL; CTRL-B to exit\r\n>")
            self.use_raw_paste = False
        for i in range(0, len(code), 256):
            self.s.write(code[i:i + 256])
            time.sleep(0.01)
        self.s.write(b"\x04")
        ok = self.s.read(2)
        if ok != b"OK":
            raise BoardError("could not exec command", ok)

    def follow(self, timeout):
        out = self.read_until(b"\x04", timeout=timeout)
        if not out.endswith(b"\x04"):
            raise BoardError("timeout waiting for first EOF reception", out)
        err = self.read_until(b"\x04", timeout=timeout)
        if not err.endswith(b"\x04"):
            raise BoardError("timeout waiting for second EOF reception", err)
        return out[:-1], err[:-1]


def expected_output(path, python):
    exp = path + ".exp"
    if os.path.exists(exp):
        with open(exp, "rb") as f:
            return f.read().replace(b"\r\n", b"\n")
    # -W ignore: CPython's compile-time SyntaxWarnings are not part of the program's output
    p = subprocess.run([python, "-B", "-W", "ignore", os.path.basename(path)], cwd=os.path.dirname(os.path.abspath(path)),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    out = p.stdout
    if p.returncode != 0:
        out += b"CRASH"
    return out.replace(b"\r\n", b"\n")


def run_on_board(board, source):
    """One test as run_script_on_remote_target does it; returns (output, 'ok'|'crash'|'too-large')."""
    prefix = b"print('START TEST')" if source.startswith(b"#") else b"print('START TEST')\n"
    board.enter_raw_repl(soft_reset=True)
    board.exec_raw_no_follow(prefix + source)
    out, err = board.follow(TEST_TIMEOUT)
    if err:
        if not out and b"MemoryError" in err:
            return b"SKIP-TOO-LARGE", "too-large"
        return out + err + b"CRASH", "crash"
    if not out.startswith(b"START TEST\r\n"):
        return out + b"CRASH", "crash"
    return out[len(b"START TEST\r\n"):].replace(b"\r\n", b"\n"), "ok"


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    python = "python3"
    if "--python" in argv:
        i = argv.index("--python")
        python = argv[i + 1]
        del argv[i:i + 2]
    if "--device" not in argv:
        print(__doc__)
        return 2
    i = argv.index("--device")
    device = argv[i + 1]
    tests = argv[:i] + argv[i + 2:]
    board = Board(device)
    try:
        board.enter_raw_repl(soft_reset=False, overall=10)
    except BoardError as e:
        print("error: could not detect test instance", e)
        return 2
    passed, failed, skipped = [], [], []
    raw_failures = 0
    for t in tests:
        name = os.path.relpath(t)
        with open(t, "rb") as f:
            source = f.read()
        try:
            out, kind = run_on_board(board, source)
        except BoardError as e:
            raw_failures += 1
            failed.append(name)
            print("FAIL  %s  -- %s" % (name, e))
            if raw_failures > 3:
                print("Too many raw REPL failures, aborting test run")
                break
            continue
        if out == b"SKIP\n" or kind == "too-large":
            if out == b"SKIP\n":    # the test ended with SystemExit: the board soft-resets
                board.read_until(RAW_BANNER, timeout=10)
            skipped.append(name)
            print("skip  %s%s" % (name, " (too large)" if kind == "too-large" else ""))
            continue
        exp = expected_output(t, python)
        if out == exp:
            passed.append(name)
            print("pass  " + name)
        else:
            failed.append(name)
            print("FAIL  " + name)
            if verbose:
                print("  expected %r\n  got      %r" % (exp[:400], out[:400]))
    board.s.write(b"\x02")
    board.close()
    print("%d passed, %d failed, %d skipped" % (len(passed), len(failed), len(skipped)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
