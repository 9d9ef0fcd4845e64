# bm_struct: struct.pack/unpack of records in native, little- and big-endian layouts, pack_into
# and unpack_from over a shared bytearray, calcsize, and a checksum of the fields read back.
import sys
import struct

EXPECTED = 209657501


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()

FORMATS = ["<HhIiBb", ">IIHH", "<qQ", ">fd", "<4sHx", "!iIh", "<10B", ">ff"]


def values(fmt, i):
    if fmt == "<HhIiBb":
        return (i & 0xFFFF, -(i & 0x7FFF), i * 2654435761 & 0xFFFFFFFF, -i, i & 0xFF, -(i & 0x7F))
    if fmt == ">IIHH":
        return (i, i * 3, i & 0xFFFF, (i * 7) & 0xFFFF)
    if fmt == "<qQ":
        return (-i * 1000003, i * 1000033)
    if fmt == ">fd":
        return (i * 0.5, i * 0.25)
    if fmt == "<4sHx":
        return (b"ab" + bytes([48 + i % 10, 65 + i % 26]), i & 0xFFFF)
    if fmt == "!iIh":
        return (-i, i, i & 0x3FFF)
    if fmt == "<10B":
        return tuple((i + k) & 0xFF for k in range(10))
    return (i * 0.125, -i * 0.5)


def fold(check, vals):
    for v in vals:
        if isinstance(v, bytes):
            check = check * 3 + v[2] + len(v)
        elif isinstance(v, float):
            check = check * 3 + int(v * 8)
        else:
            check = check * 3 + v
        check &= 0xFFFFFFF
    return check


def work(rounds):
    check = 0
    buf = bytearray(64)
    for i in range(rounds):
        fmt = FORMATS[i % len(FORMATS)]
        vals = values(fmt, i)
        packed = struct.pack(fmt, *vals)
        check = fold(check, struct.unpack(fmt, packed))
        check = (check + struct.calcsize(fmt) + len(packed)) & 0xFFFFFFF
        off = i % 16
        struct.pack_into(fmt, buf, off, *vals)
        check = fold(check, struct.unpack_from(fmt, buf, off))
        check = (check + buf[off] + buf[off + 3]) & 0xFFFFFFF
    return check


result = work(max(1, int(60000 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
