# Text, lines in every direction, scroll and blit with key and palette.
try:
    import framebuf
except ImportError:
    import sys
    sys.path.insert(0, "support")
    import framebuf_model as framebuf


def show(fb, w, h):
    for y in range(h):
        print("".join(".#23456789abcdef"[fb.pixel(x, y)] for x in range(w)))
    print()


w, h = 40, 10
buf = bytearray(w * h)
fb = framebuf.FrameBuffer(buf, w, h, framebuf.GS8)
fb.text("Hello!", 0, 0)
fb.text("{|}~\x7f", 3, 9, 2)
show(fb, w, h)
fb.fill(0)
fb.text("AZaz09", -3, -2, 1)
fb.text("\u00e9\t", 30, 3, 3)
show(fb, w, h)

fb.fill(0)
for x2, y2 in ((39, 0), (39, 9), (0, 9), (20, 9), (25, 0), (0, 5), (39, 5), (-10, -30), (60, 30)):
    fb.line(20, 5, x2, y2, 1)
show(fb, w, h)
fb.fill(0)
fb.line(3, 3, 3, 3, 1)
fb.line(5, 2, 30, 7, 2)
fb.line(30, 2, 5, 7, 3)
show(fb, w, h)

# scroll in each direction; the uncovered edge keeps its pixels
for dx, dy in ((1, 0), (-2, 0), (0, 1), (0, -3), (3, 2), (-50, 0), (0, 20)):
    fb.fill(0)
    fb.text("Ab", 10, 1)
    fb.rect(0, 0, w, h, 2)
    fb.scroll(dx, dy)
    print("scroll", dx, dy)
    show(fb, w, h)

# blit a mono sprite onto a GS8 buffer: plain, with a key, with a palette, clipped
sprite_buf = bytearray(8)
sprite = framebuf.FrameBuffer(sprite_buf, 8, 8, framebuf.MONO_HLSB)
sprite.fill(0)
sprite.rect(0, 0, 8, 8, 1)
sprite.line(0, 0, 7, 7, 1)
pal_buf = bytearray(2)
pal = framebuf.FrameBuffer(pal_buf, 2, 1, framebuf.GS8)
pal.pixel(0, 0, 5)
pal.pixel(1, 0, 9)
fb.fill(3)
fb.blit(sprite, 1, 1)
fb.blit(sprite, 10, 1, 0)
fb.blit(sprite, 19, 1, -1, pal)
fb.blit(sprite, 28, 1, 5, pal)
fb.blit(sprite, 36, 5)
fb.blit(sprite, -4, -4, 0)
show(fb, w, h)
# a tuple source (buffer, width, height, format)
fb.fill(0)
fb.blit((b"\xf0\x0f\xaa", 8, 3, framebuf.MONO_HMSB), 2, 2, -1)
fb.blit((bytes([1, 2, 3, 4]), 2, 2, framebuf.GS8), 12, 2)
show(fb, w, h)
fb.blit(sprite, 100, 0)
fb.blit(sprite, 0, -8)
print(sum(buf))
