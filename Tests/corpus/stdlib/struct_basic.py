# struct: calcsize, pack, pack_into, unpack, unpack_from with all byte orders
import struct

print(struct.calcsize("<bI"), struct.unpack("<bI", b"\x80\0\0\x01\0"))
print(struct.calcsize(">bI"), struct.unpack(">bI", b"\x80\0\0\x01\0"))
for order in "<>!=":
    fmt = order + "bBhHiIlLqQfd"
    print(order, struct.calcsize(fmt))
    vals = (-1, 255, -300, 65535, -70000, 4000000000, -5, 7, -2 ** 63, 2 ** 64 - 1, 1.5, -2.25)
    b = struct.pack(fmt, *vals)
    print(b)
    print(struct.unpack(fmt, b))

print(struct.pack("<i", 1), struct.pack(">i", 1), struct.pack("<h", 1), struct.pack(">h", 1))
print(struct.pack("<b", 1), struct.pack(">b", -1), struct.pack("!i", 123))
print(struct.pack("<bI", -128, 256), struct.pack(">bI", -128, 256))
print(struct.calcsize("100sI"), struct.calcsize("97sI"), struct.calcsize("<97sI"))
print(struct.unpack("<6sH", b"foo\0\0\0\x12\x34"), struct.pack("<6sH", b"foo", 10000))
print(struct.pack("<2s", b"abcdef"), struct.pack("<0s", b"abc"), struct.unpack("0s", b""))

# repeat counts and padding
print(struct.calcsize("<3B2h"), struct.unpack("<3B2h", b"foo\x12\x34\xff\xff"), struct.pack("<3B", 1, 2, 3))
print(struct.calcsize("<2x"), struct.pack("<bxh", 1, 2), struct.unpack("<bxh", b"\x01\x00\x02\x00"))
print(struct.pack("<x3xb", 7), struct.unpack("<4xb", b"\0\0\0\0\x09"))
print(struct.calcsize("0s1s0H2H"), struct.unpack("<0s1s0H2H", b"01234"), struct.pack("<0s1s0H2H", b"abc", b"abc", 258, 515))

# native alignment
for fmt in ("bi", "bh", "bq", "bd", "hbi", "bhbi", "ib", "bbbbi", "cb" if False else "b2i", "bf", "b3h"):
    print(fmt, struct.calcsize(fmt), struct.calcsize("@" + fmt), struct.calcsize("=" + fmt))
s = struct.pack("BHBI", 10, 100, 200, 300)
print(len(s), struct.unpack("BHBI", s))
print(struct.pack("@bi", 1, 2), struct.unpack("@bi", struct.pack("@bi", -1, -2)))

# limits
print(struct.pack("<I", 2 ** 32 - 1), struct.pack("<Q", 2 ** 64 - 1), struct.pack(">q", -1))
print(struct.pack("<Q", 1234567890123456789), struct.pack(">q", -1234567890123456789))
print(struct.unpack("<Q", b"\x12\x34\x56\x78\x90\x12\x34\x56"), struct.unpack(">q", b"\xf2\x34\x56\x78\x90\x12\x34\x56"))
print(struct.unpack("<I", b"\xff\xff\xff\xff"), struct.unpack("<Q", b"\xff" * 8), struct.unpack("<q", b"\xff" * 8))
print(struct.unpack("<i", b"\x00\x00\x00\x80"), struct.unpack(">h", b"\x80\x00"), struct.unpack("<b", b"\x7f"))

# floats
for v in (0.0, -0.0, 1.0, 0.1, 1e300, -1e-300, float("inf")):
    print(v, struct.pack("<d", v), struct.unpack("<d", struct.pack("<d", v)))
for v in (0.0, 1.5, -2.75, 0.1, 3.4e38, 1e-40):
    print(v, struct.pack(">f", v), struct.unpack(">f", struct.pack(">f", v)))
for v in (0.0, 1.0, -2.5, 0.1, 65504.0, 6e-5, 1e-7, 0.333):
    print(v, struct.pack("<e", v), struct.unpack("<e", struct.pack("<e", v)))
print(struct.pack("<f", 3), struct.pack("<d", True))

# pack_into / unpack_from
buf = bytearray(b">>>123<<<")
struct.pack_into("<bbb", buf, 3, 0x41, 0x42, 0x43)
print(buf)
struct.pack_into("<bbb", buf, -6, 0x44, 0x45, 0x46)
print(buf)
struct.pack_into(">H", buf, 0, 0x4142)
print(buf)
buf = b"0123456789"
print(struct.unpack_from("<b", buf, 4), struct.unpack_from("<b", buf, -4), struct.unpack_from("<2H", buf))
print(struct.unpack_from("<h", memoryview(buf)[2:]), struct.unpack("<h", bytearray(b"\x01\x02")))
mv = memoryview(bytearray(8))
struct.pack_into("<I", mv, 4, 0xdeadbeef)
print(bytes(mv))

# errors (struct.error in CPython, ValueError in MicroPython: both are Exceptions)
def err(f, *args):
    try:
        print(f(*args))
    except Exception:
        print("error")
err(struct.pack_into, "<bbb", bytearray(9), 7, 1, 2, 3)
err(struct.pack_into, "<bbb", bytearray(9), -10, 1, 2, 3)
err(struct.unpack_from, "<b", b"0123456789", 10)
err(struct.unpack_from, "<b", b"0123456789", -11)
err(struct.unpack, "I", b"\x00\x00\x00")
err(struct.unpack, "2H", b"\x00\x00")
err(struct.pack_into, "2I", bytearray(4), 0, 0, 0)
err(struct.pack, "z", 1)
err(struct.calcsize, "0z")
err(struct.calcsize, "1")
err(struct.pack, "1")
err(struct.unpack, "z", b"1")
try:
    struct.pack(1, 2)
except TypeError:
    print("TypeError")
err(struct.pack, "ii", 1, 2, 3)
err(struct.pack, "ii", 1)
err(struct.pack, "i", 1.5)
err(struct.pack, "i", "x")
