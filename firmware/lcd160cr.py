# lcd160cr: the MicroPython LCD160CR display (160x128 colour, resistive touch) on a pyboard skin
# position or on any I2C + SPI + power pin, with the LCD160CR class API of the MicroPython docs.
#
# Written for microboard from the documentation. The wire protocol is microboard's own (the
# display's reference manual is not available to us): commands over I2C as 0x02, opcode,
# little-endian arguments; other I2C bytes are text; RGB565 pixels (little-endian) over SPI into
# the SPI window. The device model (Sources/Board/Devices/LCD160CR.swift) documents each opcode.

from micropython import const
from time import sleep_ms
from struct import calcsize, pack_into
import machine

PORTRAIT = const(0)
LANDSCAPE = const(1)
PORTRAIT_UPSIDEDOWN = const(2)
LANDSCAPE_UPSIDEDOWN = const(3)

STARTUP_DECO_NONE = const(0)
STARTUP_DECO_MLOGO = const(1)
STARTUP_DECO_INFO = const(2)

_STX = const(2)
_BOOT_TIMEOUT_MS = const(500)
_FLUSH_TIMEOUT_MS = const(1000)
_CHUNK = const(240)


def _i16(v):
    # coordinates travel as signed 16-bit values; beyond that they are off the screen anyway
    return -32768 if v < -32768 else 32767 if v > 32767 else v


class LCD160CR:
    def __init__(self, connect=None, *, pwr=None, i2c=None, spi=None, i2c_addr=98):
        if connect is not None:
            if connect not in ("X", "Y", "XY", "YX"):
                raise ValueError("connect must be 'X', 'Y', 'XY' or 'YX'")
            if pwr is None:
                pwr = machine.Pin(connect[0] + "4", machine.Pin.OUT)
            if i2c is None:
                i2c = machine.I2C(connect[-1], freq=400000)
            if spi is None:
                spi = machine.SPI(connect[0], baudrate=21000000, polarity=0, phase=0)
        if pwr is None or i2c is None or spi is None:
            raise ValueError("give a valid connect, or all of pwr, i2c and spi")
        self.pwr = pwr
        self.i2c = i2c
        self.spi = spi
        self.i2c_addr = i2c_addr
        self.w = 128
        self.h = 160
        self.set_power(1)

    # the wire

    def _send(self, data):
        self.i2c.writeto(self.i2c_addr, data)

    def _cmd(self, op, fmt="", *args):
        f = "<BB" + fmt
        b = bytearray(calcsize(f))
        pack_into(f, b, 0, _STX, op, *args)
        self._send(b)

    def _cmd_data(self, op, head, data, n):
        # a command whose last argument is n bytes of data after the `head` arguments
        b = bytearray(2 + len(head) + n)
        b[0] = _STX
        b[1] = op
        b[2 : 2 + len(head)] = head
        b[2 + len(head) :] = data
        self._send(b)

    def _query(self, op, fmt, *args, into=None):
        self._cmd(op, fmt, *args)
        self.i2c.readfrom_into(self.i2c_addr, into)
        return into

    def _info(self):
        info = self._query(0x01, "", into=bytearray(8))
        self._set_size(info[0])

    def _set_size(self, orient):
        if orient & 1:
            self.w, self.h = 160, 128
        else:
            self.w, self.h = 128, 160

    def _wait_ready(self):
        waited = 0
        while True:
            try:
                self._cmd(0x01)
                break
            except OSError:
                if waited >= _BOOT_TIMEOUT_MS:
                    raise
                sleep_ms(1)
                waited += 1
        info = bytearray(8)
        self.i2c.readfrom_into(self.i2c_addr, info)
        self._set_size(info[0])

    def oflush(self, n=255):
        waited = 0
        while self._query(0x03, "", into=bytearray(1))[0] < n:
            if waited >= _FLUSH_TIMEOUT_MS:
                raise OSError(110)
            sleep_ms(1)
            waited += 1

    def iflush(self):
        self._cmd(0x04)

    # helpers

    @staticmethod
    def rgb(r, g, b):
        return ((r & 0xF8) << 8) | ((g & 0xFC) << 3) | ((b & 0xFF) >> 3)

    @staticmethod
    def clip_line(c, w, h):
        # Cohen-Sutherland: c = [x1, y1, x2, y2] is clipped in place to 0..w-1, 0..h-1;
        # returns False when no part of the line is on the screen
        def code(x, y):
            k = 0
            if x < 0:
                k |= 1
            elif x > w - 1:
                k |= 2
            if y < 0:
                k |= 4
            elif y > h - 1:
                k |= 8
            return k

        x1, y1, x2, y2 = c[0], c[1], c[2], c[3]
        k1 = code(x1, y1)
        k2 = code(x2, y2)
        while True:
            if not (k1 | k2):
                c[0], c[1], c[2], c[3] = x1, y1, x2, y2
                return True
            if k1 & k2:
                return False
            k = k1 or k2
            if k & 8:
                y = h - 1
                x = x1 + (x2 - x1) * (y - y1) // (y2 - y1)
            elif k & 4:
                y = 0
                x = x1 + (x2 - x1) * (y - y1) // (y2 - y1)
            elif k & 2:
                x = w - 1
                y = y1 + (y2 - y1) * (x - x1) // (x2 - x1)
            else:
                x = 0
                y = y1 + (y2 - y1) * (x - x1) // (x2 - x1)
            if k == k1:
                x1, y1 = x, y
                k1 = code(x1, y1)
            else:
                x2, y2 = x, y
                k2 = code(x2, y2)

    # setup

    def set_power(self, on):
        self.pwr(on)
        if on:
            self._wait_ready()

    def set_orient(self, orient):
        if not 0 <= orient <= 3:
            raise ValueError("orient must be 0..3")
        self._cmd(0x10, "B", orient)
        self._set_size(orient)

    def set_brightness(self, value):
        if not 0 <= value <= 31:
            raise ValueError("brightness must be 0..31")
        self._cmd(0x11, "B", value)

    def set_i2c_addr(self, addr):
        # addr is the 8-bit bus form (the 7-bit address shifted left: 98 is 0xC4), so "the lower
        # 2 bits cleared" leaves an even 7-bit address
        if addr & 3 or not 0x10 <= addr <= 0xEE:
            raise ValueError("I2C address must be 0x10..0xEE with the lower 2 bits clear")
        self._cmd(0x12, "B", addr >> 1)
        self.i2c_addr = addr >> 1

    def set_uart_baudrate(self, baudrate):
        if not 0 < baudrate <= 0xFFFFFFFF:
            raise ValueError("bad baudrate")
        self._cmd(0x13, "I", baudrate)

    def set_startup_deco(self, value):
        if value & ~3:
            raise ValueError("decoration must be STARTUP_DECO_* values or'd together")
        self._cmd(0x14, "B", value)

    def save_to_flash(self):
        self._cmd(0x15)

    # pixels

    def set_pixel(self, x, y, c):
        self._cmd(0x20, "hhH", _i16(x), _i16(y), c & 0xFFFF)

    def get_pixel(self, x, y):
        b = self._query(0x21, "hh", _i16(x), _i16(y), into=bytearray(2))
        return b[0] | b[1] << 8

    def get_line(self, x, y, buf):
        n = len(buf) // 2
        self._cmd(0x22, "hhH", _i16(x), _i16(y), n)
        self.i2c.readfrom_into(self.i2c_addr, memoryview(buf)[: 2 * n])

    def screen_dump(self, buf):
        n = min(len(buf), 2 * self.w * self.h)
        self._cmd(0x23)
        self.i2c.readfrom_into(self.i2c_addr, memoryview(buf)[:n])

    def screen_load(self, buf):
        total = min(len(buf), 2 * self.w * self.h)
        mv = memoryview(buf)
        head = bytearray(3)
        for off in range(0, total, _CHUNK):
            n = min(_CHUNK, total - off)
            pack_into("<HB", head, 0, off, n)
            self._cmd_data(0x24, head, mv[off : off + n], n)

    # text

    def set_pos(self, x, y):
        self._cmd(0x30, "hh", _i16(x), _i16(y))

    def set_text_color(self, fg, bg):
        self._cmd(0x31, "HH", fg & 0xFFFF, bg & 0xFFFF)

    def set_font(self, font, scale=0, bold=0, trans=0, scroll=0):
        if not 0 <= font <= 3 or not 0 <= scale <= 63 or not 0 <= bold <= 15:
            raise ValueError("font 0..3, scale 0..63, bold 0..15")
        self._cmd(0x32, "BBBBB", font, scale, bold, 1 if trans else 0, 1 if scroll else 0)

    def write(self, s):
        if isinstance(s, str):
            s = s.encode()
        # 0x02 would start a command: it is not a character the display can draw
        s = bytes(b for b in s if b != _STX)
        for off in range(0, len(s), _CHUNK):
            self._send(s[off : off + _CHUNK])

    # shapes

    def set_pen(self, line, fill):
        self._cmd(0x40, "HH", line & 0xFFFF, fill & 0xFFFF)

    def erase(self):
        self._cmd(0x41)

    def dot(self, x, y):
        self._cmd(0x42, "hh", _i16(x), _i16(y))

    def rect(self, x, y, w, h):
        self._cmd(0x43, "hhhh", _i16(x), _i16(y), _i16(w), _i16(h))

    def rect_outline(self, x, y, w, h):
        self._cmd(0x44, "hhhh", _i16(x), _i16(y), _i16(w), _i16(h))

    def rect_interior(self, x, y, w, h):
        self._cmd(0x45, "hhhh", _i16(x), _i16(y), _i16(w), _i16(h))

    def line(self, x1, y1, x2, y2):
        c = [x1, y1, x2, y2]
        if self.clip_line(c, self.w, self.h):
            self._cmd(0x4B, "BBBB", c[0], c[1], c[2], c[3])

    def dot_no_clip(self, x, y):
        self._cmd(0x47, "BB", x & 0xFF, y & 0xFF)

    def rect_no_clip(self, x, y, w, h):
        self._cmd(0x48, "BBBB", x & 0xFF, y & 0xFF, w & 0xFF, h & 0xFF)

    def rect_outline_no_clip(self, x, y, w, h):
        self._cmd(0x49, "BBBB", x & 0xFF, y & 0xFF, w & 0xFF, h & 0xFF)

    def rect_interior_no_clip(self, x, y, w, h):
        self._cmd(0x4A, "BBBB", x & 0xFF, y & 0xFF, w & 0xFF, h & 0xFF)

    def line_no_clip(self, x1, y1, x2, y2):
        self._cmd(0x4B, "BBBB", x1 & 0xFF, y1 & 0xFF, x2 & 0xFF, y2 & 0xFF)

    def _poly(self, op, data, overlap):
        mv = memoryview(data)
        n = len(data) // 2
        per = _CHUNK // 2
        i = 0
        while i < n:
            m = min(per, n - i)
            self._cmd_data(op, bytes((m,)), mv[2 * i : 2 * (i + m)], 2 * m)
            if i + m >= n:
                break
            i += m - overlap

    def poly_dot(self, data):
        self._poly(0x4C, data, 0)

    def poly_line(self, data):
        # chunks share their end points, so the lines join up
        self._poly(0x4D, data, 1)

    # touch

    def touch_config(self, calib=False, save=False, irq=None):
        flags = (1 if calib else 0) | (2 if save else 0)
        if irq is not None:
            flags |= 4 | (8 if irq else 0)
        self._cmd(0x50, "B", flags)

    def is_touched(self):
        return self._query(0x52, "", into=bytearray(1))[0] != 0

    def get_touch(self):
        b = self._query(0x51, "", into=bytearray(5))
        return (b[0], b[1] | b[2] << 8, b[3] | b[4] << 8)

    # advanced

    def set_spi_win(self, x, y, w, h):
        self._cmd(0x60, "hhhh", _i16(x), _i16(y), _i16(w), _i16(h))

    def fast_spi(self, flush=True):
        if flush:
            self.oflush()
        self._cmd(0x61)
        return self.spi

    def show_framebuf(self, buf):
        self.fast_spi().write(buf)

    def set_scroll(self, on):
        self._cmd(0x62, "B", 1 if on else 0)

    def set_scroll_win(self, win, x=-1, y=0, w=0, h=0, vec=0, pat=0, fill=0x07E0, color=0):
        self._cmd(0x63, "BhhHHHHHH", win, _i16(x), _i16(y), w & 0xFFFF, h & 0xFFFF, vec & 0xFFFF, pat & 0xFFFF,
                  fill & 0xFFFF, color & 0xFFFF)

    def set_scroll_win_param(self, win, param, value):
        self._cmd(0x64, "BBH", win, param, value & 0xFFFF)

    def set_scroll_buf(self, s):
        if isinstance(s, str):
            s = s.encode()
        if len(s) > 32:
            raise ValueError("scroll text longer than 32")
        self._cmd_data(0x65, bytes((len(s),)), s, len(s))

    def jpeg_start(self, total_len):
        self._cmd(0x70, "I", total_len)

    def jpeg_data(self, buf):
        mv = memoryview(buf)
        for off in range(0, len(buf), _CHUNK):
            n = min(_CHUNK, len(buf) - off)
            self._cmd_data(0x71, bytes((n,)), mv[off : off + n], n)

    def jpeg(self, buf):
        self.jpeg_start(len(buf))
        self.jpeg_data(buf)

    def feed_wdt(self):
        self._cmd(0x17)

    def reset(self):
        self._cmd(0x16)
        self._wait_ready()
