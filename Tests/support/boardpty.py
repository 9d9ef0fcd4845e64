"""The board's serial port as a test script sees it: a raw PTY read up to a marker, for the
test runners that drive the REPL of a running `microboard --serial pty` (window, shutdown)."""
import os
import select
import time
import tty


class Pty:
    def __init__(self, path):
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd)
        self.buf = b""

    def read_until(self, marker, timeout):
        end = time.time() + timeout
        while marker not in self.buf and time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.1)
            if r:
                try:
                    self.buf += os.read(self.fd, 4096)
                except OSError:
                    break
        i = self.buf.find(marker)
        if i < 0:
            return None
        out, self.buf = self.buf[:i + len(marker)], self.buf[i + len(marker):]
        return out.decode("utf-8", "replace").replace("\r\n", "\n")

    def drain(self, settle=0.2):
        """Drops what the board has sent so far (a second prompt after a Ctrl-C, say)."""
        while select.select([self.fd], [], [], settle)[0]:
            try:
                os.read(self.fd, 4096)
            except OSError:
                break
        self.buf = b""

    def line(self, text, timeout=10):
        self.drain(0.05)
        os.write(self.fd, text.encode() + b"\r")
        return self.read_until(b">>> ", timeout)

    def close(self):
        os.close(self.fd)
