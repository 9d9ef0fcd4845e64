# framebuf modelled in plain Python from MicroPython's documentation, so CPython can produce the
# expected output of the framebuf corpus tests (microboard uses its built-in module instead).

FONT = bytes.fromhex(
    "000000000000000000005f0000000000000007000700000000147f147f14000000242a7f2a1200000023130864620000"
    "00364955225000000000050300000000001c2241000000000041221c0000000000082a1c2a0800000008083e08080000"
    "00a0600000000000000808080808000000606000000000000020100804020000003e5149453e00000000427f40000000"
    "00625149494600000022414949360000001814127f1000000027454545390000003c4a49493000000001710905030000"
    "003649494936000000064949291e000000003636000000000000ac6c0000000000081422410000000014141414140000"
    "0041221408000000000201510906000000324979413e0000007c7e0b0b7e7c00007f7f49497f3600003e7f4141632200"
    "007f7f41633e1c00007f7f4949414100007f7f0909010100003e7f41497b3a00007f7f08087f7f000000417f7f410000"
    "002060417f3f0100007f7f1c36634100007f7f4040404000007f7f060c067f7f007f7f0e1c7f7f00003e7f41417f3e00"
    "007f7f09090f0600001e3f21617f5e00007f7f19396f460000266f49497b32000001017f7f010100003f7f40407f3f00"
    "001f3f60603f1f00007f7f3018307f7f0063771c1c77630000070f78780f0700006171594d474300007f414100000000"
    "00020408102000000041417f0000000000040201020400000080808080800000000102040000000000207454547c7800"
    "007f7f44447c380000387c44446c280000387c44447f7f0000387c54545c580000087e7f090302000098bca4a4fc7c00"
    "007f7f04047c78000000007d7d0000000040c08080fd7d00007f7f30386c44000000417f7f400000007c7c1830187c7c"
    "007c7c04047c780000387c44447c380000fcfc24243c180000183c2424fcfc00007c7c04040c080000485c5454742000"
    "04043f7f44642000003c7c40407c3c00001c3c60603c1c00001c7c3018307c1c00446c38386c4400009cbca0a0fc7c00"
    "004464745c4c4400000836410000000000007f0000000000004136080000000000020101020100000002050502000000"
)

MONO_VLSB = MVLSB = 0
RGB565 = 1
GS4_HMSB = 2
MONO_HLSB = 3
MONO_HMSB = 4
GS2_HMSB = 5
GS8 = 6


class FrameBuffer:
    def __init__(self, buf, width, height, format, stride=None):
        if stride is None:
            stride = width
        if width < 1 or height < 1 or stride < width:
            raise ValueError("invalid dimensions")
        if format in (MONO_HLSB, MONO_HMSB):
            stride = (stride + 7) & ~7
            need = height * stride // 8
        elif format == MONO_VLSB:
            need = (height + 7) // 8 * stride
        elif format == GS2_HMSB:
            stride = (stride + 3) & ~3
            need = height * stride // 4
        elif format == GS4_HMSB:
            stride = (stride + 1) & ~1
            need = height * stride // 2
        elif format == GS8:
            need = height * stride
        elif format == RGB565:
            need = height * stride * 2
        else:
            raise ValueError("invalid format")
        if need > len(memoryview(buf).cast("B")):
            raise ValueError("buffer too small")
        self.buf = memoryview(buf).cast("B")
        self.w, self.h, self.stride, self.format = width, height, stride, format

    def _set(self, x, y, c):
        b, f, s = self.buf, self.format, self.stride
        if f == MONO_VLSB:
            i, bit = (y >> 3) * s + x, 1 << (y & 7)
        elif f in (MONO_HLSB, MONO_HMSB):
            i = (x + y * s) >> 3
            bit = 1 << (7 - (x & 7) if f == MONO_HLSB else x & 7)
        if f in (MONO_VLSB, MONO_HLSB, MONO_HMSB):
            b[i] = b[i] | bit if c & 1 else b[i] & ~bit
        elif f == RGB565:
            i = 2 * (x + y * s)
            b[i], b[i + 1] = c & 0xFF, (c >> 8) & 0xFF
        elif f == GS2_HMSB:
            i, sh = (x + y * s) >> 2, (x & 3) * 2
            b[i] = (b[i] & ~(3 << sh)) | ((c & 3) << sh)
        elif f == GS4_HMSB:
            i = (x + y * s) >> 1
            b[i] = (b[i] & 0xF0) | (c & 15) if x & 1 else (b[i] & 0x0F) | ((c & 15) << 4)
        else:
            b[x + y * s] = c & 0xFF

    def _get(self, x, y):
        b, f, s = self.buf, self.format, self.stride
        if f == MONO_VLSB:
            return b[(y >> 3) * s + x] >> (y & 7) & 1
        if f == MONO_HLSB:
            return b[(x + y * s) >> 3] >> (7 - (x & 7)) & 1
        if f == MONO_HMSB:
            return b[(x + y * s) >> 3] >> (x & 7) & 1
        if f == RGB565:
            i = 2 * (x + y * s)
            return b[i] | b[i + 1] << 8
        if f == GS2_HMSB:
            return b[(x + y * s) >> 2] >> ((x & 3) * 2) & 3
        if f == GS4_HMSB:
            v = b[(x + y * s) >> 1]
            return v & 15 if x & 1 else v >> 4
        return b[x + y * s]

    def _in(self, x, y):
        return 0 <= x < self.w and 0 <= y < self.h

    def _setc(self, x, y, c):
        if self._in(x, y):
            self._set(x, y, c)

    def fill_rect(self, x, y, w, h, c):
        for yy in range(max(y, 0), min(y + h, self.h)):
            for xx in range(max(x, 0), min(x + w, self.w)):
                self._set(xx, yy, c)

    def fill(self, c):
        self.fill_rect(0, 0, self.w, self.h, c)

    def pixel(self, x, y, c=None):
        if not self._in(x, y):
            return None
        if c is None:
            return self._get(x, y)
        self._set(x, y, c)

    def hline(self, x, y, w, c):
        self.fill_rect(x, y, w, 1, c)

    def vline(self, x, y, h, c):
        self.fill_rect(x, y, 1, h, c)

    def rect(self, x, y, w, h, c, f=False):
        if f:
            self.fill_rect(x, y, w, h, c)
        else:
            self.fill_rect(x, y, w, 1, c)
            self.fill_rect(x, y + h - 1, w, 1, c)
            self.fill_rect(x, y, 1, h, c)
            self.fill_rect(x + w - 1, y, 1, h, c)

    def line(self, x1, y1, x2, y2, c):
        # Bresenham over the major axis, both ends drawn
        dx, dy = abs(x2 - x1), abs(y2 - y1)
        sx, sy = (1 if x2 >= x1 else -1), (1 if y2 >= y1 else -1)
        x, y = x1, y1
        if dy > dx:
            err = 2 * dx - dy
            for _ in range(dy):
                self._setc(x, y, c)
                while err >= 0:
                    x += sx
                    err -= 2 * dy
                y += sy
                err += 2 * dx
        else:
            err = 2 * dy - dx
            for _ in range(dx):
                self._setc(x, y, c)
                while err >= 0:
                    y += sy
                    err -= 2 * dx
                x += sx
                err += 2 * dy
        self._setc(x2, y2, c)

    def text(self, s, x, y, c=1):
        for ch in s.encode():
            if ch < 32 or ch > 127:
                ch = 127
            for j in range(8):
                col = FONT[(ch - 32) * 8 + j]
                if 0 <= x < self.w:
                    for k in range(8):
                        if col >> k & 1 and 0 <= y + k < self.h:
                            self._set(x, y + k, c)
                x += 1

    def scroll(self, dx, dy):
        old = [[self._get(x, y) for x in range(self.w)] for y in range(self.h)]
        for y in range(self.h):
            for x in range(self.w):
                if 0 <= x - dx < self.w and 0 <= y - dy < self.h:
                    self._set(x, y, old[y - dy][x - dx])

    def blit(self, src, x, y, key=-1, palette=None):
        if isinstance(src, tuple):
            src = FrameBuffer(*src)
        if isinstance(palette, tuple):
            palette = FrameBuffer(*palette)
        for sy in range(src.h):
            for sx in range(src.w):
                if self._in(x + sx, y + sy):
                    col = src._get(sx, sy)
                    if palette is not None:
                        col = palette._get(col, 0)
                    if col != key:
                        self._set(x + sx, y + sy, col)
