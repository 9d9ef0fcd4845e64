# bm_framebuf: framebuf drawing on a 128x64 MONO_VLSB display and a 64x32 RGB565 buffer -- fill,
# pixel, hline/vline, rect, fill_rect, line, text, scroll and blit -- then a checksum of the
# buffers. CPython (no framebuf) runs the documented behaviour modelled in plain Python in
# Tests/corpus/extmod/support/framebuf_model.py, so the result is checked against that model.
import sys

try:
    import framebuf
except ImportError:
    here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
    sys.path.insert(0, here + "/../Tests/corpus/extmod/support")
    import framebuf_model as framebuf

EXPECTED = 985996


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def checksum(buf, acc):
    for i in range(0, len(buf), 7):
        acc = (acc * 31 + buf[i]) & 0xFFFFFF
    return acc


def work(rounds):
    mono_buf = bytearray(128 * 64 // 8)
    mono = framebuf.FrameBuffer(mono_buf, 128, 64, framebuf.MONO_VLSB)
    rgb_buf = bytearray(64 * 32 * 2)
    rgb = framebuf.FrameBuffer(rgb_buf, 64, 32, framebuf.RGB565)
    sprite_buf = bytearray(16 * 16 // 8)
    sprite = framebuf.FrameBuffer(sprite_buf, 16, 16, framebuf.MONO_HLSB)
    sprite.fill(0)
    sprite.rect(0, 0, 16, 16, 1)
    sprite.line(0, 0, 15, 15, 1)
    sprite.line(15, 0, 0, 15, 1)
    check = 0
    for r in range(rounds):
        mono.fill(0)
        mono.text("microboard %d" % r, 0, r % 56, 1)
        mono.rect(r % 100, 10, 28, 20, 1)
        mono.fill_rect(5, 40, r % 120, 6, 1)
        for k in range(0, 128, 16):
            mono.line(k, 0, 127 - k, 63, 1)
        mono.hline(0, r % 64, 128, 0)
        mono.vline(r % 128, 0, 64, 1)
        mono.blit(sprite, r % 112, 30, 0)
        mono.scroll(1, r % 3 - 1)
        for k in range(32):
            mono.pixel((k * 13 + r) % 128, (k * 7) % 64, k & 1)
        check = checksum(mono_buf, check)
        rgb.fill(r & 0xFFFF)
        rgb.fill_rect(4, 4, 40, 20, 0xF800)
        rgb.text("RGB", r % 40, 12, 0x07E0)
        rgb.line(0, 31, 63, r % 32, 0x001F)
        rgb.blit(sprite, 30, 8, 0)
        check = checksum(rgb_buf, check)
        check = (check + mono.pixel(r % 128, r % 64) + rgb.pixel(r % 64, r % 32)) & 0xFFFFFF
    return check


result = work(max(1, int(40 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
