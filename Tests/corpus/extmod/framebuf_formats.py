# Every pixel format: drawing primitives, the bytes they leave in the buffer, and pixel() reads.
try:
    import framebuf
except ImportError:
    import sys
    sys.path.insert(0, "support")
    import framebuf_model as framebuf

FORMATS = [
    ("MONO_VLSB", framebuf.MONO_VLSB, 1, lambda w, h: (h + 7) // 8 * w),
    ("MONO_HLSB", framebuf.MONO_HLSB, 1, lambda w, h: (w + 7) // 8 * h),
    ("MONO_HMSB", framebuf.MONO_HMSB, 1, lambda w, h: (w + 7) // 8 * h),
    ("GS2_HMSB", framebuf.GS2_HMSB, 3, lambda w, h: (w + 3) // 4 * h),
    ("GS4_HMSB", framebuf.GS4_HMSB, 15, lambda w, h: (w + 1) // 2 * h),
    ("GS8", framebuf.GS8, 255, lambda w, h: w * h),
    ("RGB565", framebuf.RGB565, 0xFFFF, lambda w, h: w * h * 2),
]


def show(fb, w, h):
    for y in range(h):
        print(" ".join("%x" % fb.pixel(x, y) for x in range(w)))


for name, fmt, cmax, size in FORMATS:
    w, h = 10, 9
    buf = bytearray(size(w, h))
    fb = framebuf.FrameBuffer(buf, w, h, fmt)
    print(name, len(buf))
    fb.fill(0)
    fb.pixel(0, 0, cmax)
    fb.pixel(9, 8, cmax & 0x5A5A)
    fb.hline(1, 1, 8, 1)
    fb.vline(2, 0, 20, cmax)
    fb.rect(3, 3, 5, 4, 2 & cmax)
    fb.fill_rect(4, 4, 3, 2, cmax)
    fb.line(0, 8, 9, 2, 1)
    fb.line(9, 0, 6, 8, cmax)
    fb.rect(-2, -2, 4, 4, cmax, True)
    fb.fill_rect(8, 7, 5, 5, 3 & cmax)
    show(fb, w, h)
    print(bytes(buf).hex())
    print(fb.pixel(-1, 0), fb.pixel(10, 0), fb.pixel(0, 9), fb.pixel(9, 8))
    fb.fill(cmax)
    print(bytes(buf).hex())

# stride wider than the width; pixels outside the width are untouched
buf = bytearray(4 * 3)
fb = framebuf.FrameBuffer(buf, 3, 3, framebuf.GS8, 4)
fb.fill(7)
print(bytes(buf).hex())
buf = bytearray(2 * 3)
fb = framebuf.FrameBuffer(buf, 9, 3, framebuf.MONO_HLSB, 12)
fb.fill(1)
print(bytes(buf).hex())
