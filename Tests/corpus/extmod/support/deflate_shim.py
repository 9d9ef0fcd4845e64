# deflate.DeflateIO on CPython's zlib, so CPython (the reference zlib) produces the expected output
# of the deflate corpus tests; microboard runs them with its own module.
import zlib

AUTO, RAW, ZLIB, GZIP = 0, 1, 2, 3


class DeflateIO:
    def __init__(self, stream, format=AUTO, wbits=0, close=False):
        if format not in (AUTO, RAW, ZLIB, GZIP):
            raise ValueError("format")
        if wbits and not 5 <= wbits <= 15:
            raise ValueError("wbits")
        self.stream, self.format, self.wbits, self.close_stream = stream, format, wbits, close
        self.dec = None
        self.enc = None
        self.pending = b""
        self.eof = False

    def _decompressor(self):
        if self.dec is None:
            w = self.wbits or 15
            if self.format == RAW:
                self.dec = zlib.decompressobj(-(self.wbits or 8))
            else:
                self.dec = zlib.decompressobj({AUTO: 32 + 15, ZLIB: 15, GZIP: 16 + 15}[self.format])
        return self.dec

    def read(self, n=-1):
        if self.stream is None:
            raise OSError(22)
        d = self._decompressor()
        while (n is None or n < 0 or len(self.pending) < n) and not self.eof:
            c = self.stream.read(1)
            if not c:
                raise EOFError
            try:
                self.pending += d.decompress(c)
            except zlib.error:
                raise OSError(22)
            if d.eof:
                self.eof = True
        if n is None or n < 0:
            n = len(self.pending)
        out, self.pending = self.pending[:n], self.pending[n:]
        return out

    def readinto(self, buf):
        data = self.read(len(buf))
        buf[: len(data)] = data
        return len(data)

    def readline(self, limit=-1):
        line = b""
        while not line.endswith(b"\n") and (limit < 0 or len(line) < limit):
            c = self.read(1)
            if not c:
                break
            line += c
        return line

    def write(self, data):
        if self.stream is None:
            raise OSError(22)
        if self.enc is None:
            w = max(self.wbits or 8, 9)
            self.enc = zlib.compressobj(6, zlib.DEFLATED, {AUTO: -w, RAW: -w, ZLIB: w, GZIP: 16 + w}[self.format])
        self.stream.write(self.enc.compress(data))
        return len(data)

    def close(self):
        if self.stream is None:
            return
        if self.enc is not None:
            self.stream.write(self.enc.flush())
        if self.close_stream:
            self.stream.close()
        self.stream = None

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()
