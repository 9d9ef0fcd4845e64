# FrameBuffer as a base class (the SSD1306 driver pattern), the buffer protocol, FrameBuffer1 and
# argument errors.
import framebuf


class Display(framebuf.FrameBuffer):
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pages = height // 8
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, self.width, self.height, framebuf.MONO_VLSB)

    def show(self):
        return bytes(self.buffer)


d = Display(16, 16)
print(isinstance(d, framebuf.FrameBuffer), d.width, d.pages)
d.fill(0)
d.text("ok", 0, 4, 1)
d.pixel(15, 15, 1)
print(d.show().hex())
mv = memoryview(d)
print(len(mv), mv[16 + 15], bytes(d) == d.show())
mv[0] = 0xFF
print(d.pixel(0, 0), d.pixel(0, 7), d.pixel(0, 8))

fb1 = framebuf.FrameBuffer1(bytearray(8), 8, 8)
fb1.pixel(0, 7, 1)
print(bytes(fb1))
arr_fb = framebuf.FrameBuffer(memoryview(bytearray(20))[10:], 10, 1, framebuf.GS8)
arr_fb.fill(4)
print(bytes(arr_fb))

for args in ((bytearray(7), 8, 8, framebuf.MONO_VLSB), (bytearray(10), 4, 4, 99), (bytearray(100), 0, 4, framebuf.GS8),
             (bytearray(100), 4, 4, framebuf.GS8, 3), (b"\x00" * 64, 8, 8, framebuf.GS8), (bytearray(31), 4, 4, framebuf.RGB565)):
    try:
        framebuf.FrameBuffer(*args)
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Half(framebuf.FrameBuffer):
    def __init__(self):
        pass


try:
    Half().fill(0)
except ValueError as e:
    print("ValueError", e)
try:
    framebuf.FrameBuffer.fill(1, 0)
except TypeError:
    print("TypeError")
