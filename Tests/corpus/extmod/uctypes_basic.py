# uctypes: scalars in both byte orders, bitfields, nested structs, arrays, pointers, sizeof,
# addressof/bytes_at/bytearray_at over the board's emulated addresses, and bad addresses.
import uctypes

print(uctypes.UINT8, uctypes.INT8, uctypes.UINT16, uctypes.INT32, uctypes.UINT64)
print(uctypes.BFUINT8, uctypes.BFINT32, uctypes.FLOAT32, uctypes.FLOAT64, uctypes.PTR, uctypes.ARRAY)
print(uctypes.BF_POS, uctypes.BF_LEN, uctypes.VOID, uctypes.NATIVE, uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN)

DESC = {
    "b0": uctypes.UINT8 | 0,
    "s1": uctypes.INT8 | 1,
    "h": uctypes.UINT16 | 2,
    "w": uctypes.INT32 | 4,
    "q": uctypes.UINT64 | 8,
    "f": uctypes.FLOAT32 | 16,
    "d": uctypes.FLOAT64 | 24,
    "lo": uctypes.BFUINT16 | 2 | 0 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "mid": uctypes.BFUINT16 | 2 | 4 << uctypes.BF_POS | 8 << uctypes.BF_LEN,
    "arr": (uctypes.ARRAY | 32, uctypes.UINT8 | 4),
    "warr": (uctypes.ARRAY | 36, uctypes.UINT16 | 2),
    "inner": (40, {"x": uctypes.UINT16 | 0, "y": uctypes.UINT16 | 2}),
    "sarr": (uctypes.ARRAY | 44, 2, {"a": uctypes.UINT8 | 0, "b": uctypes.UINT8 | 1}),
}
buf = bytearray(48)
for layout in (uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN):
    s = uctypes.struct(uctypes.addressof(buf), DESC, layout)
    s.b0 = 0x1FF
    s.s1 = -2
    s.h = 0x1234
    s.w = -123456
    s.q = 0x0102030405060708
    s.f = 1.5
    s.d = -2.25
    print(buf[:32].hex())
    print(s.b0, s.s1, hex(s.h), s.w, hex(s.q), s.f, s.d, hex(s.lo), hex(s.mid))
    s.mid = 0xAB
    s.lo = 0x1F
    print(hex(s.h), hex(s.lo), hex(s.mid))
    s.arr[0] = 7
    s.arr[3] = 9
    s.warr[1] = 0xBEEF
    print(s.arr[0], s.arr[-1], len(s.arr), hex(s.warr[1]), buf[32:40].hex())
    s.inner.x = 300
    s.inner.y = 2
    s.sarr[1].b = 77
    print(s.inner.x, s.inner.y, s.sarr[1].b, buf[40:48].hex())
    print(bytes(s.arr[1:3]))

print(uctypes.sizeof(DESC), uctypes.sizeof(DESC, uctypes.LITTLE_ENDIAN))
print(uctypes.sizeof({"a": uctypes.UINT32 | 0, "b": uctypes.UINT8 | 4}),
      uctypes.sizeof({"a": uctypes.UINT32 | 0, "b": uctypes.UINT8 | 4}, uctypes.LITTLE_ENDIAN))
print(uctypes.sizeof({"p": (uctypes.PTR | 0, uctypes.UINT8)}), uctypes.sizeof((uctypes.ARRAY | 0, uctypes.UINT16 | 5)))
s = uctypes.struct(uctypes.addressof(buf), DESC)
print(uctypes.sizeof(s), uctypes.sizeof(s.inner))

# pointers: a field holding the emulated address of another buffer
target = bytearray(b"\x10\x20\x30\x40")
holder = bytearray(8)
p = uctypes.struct(uctypes.addressof(holder), {"p": (uctypes.PTR | 0, uctypes.UINT8),
                                               "ps": (uctypes.PTR | 4, {"v": uctypes.UINT16 | 0})})
p_addr = uctypes.addressof(target)
holder[0:4] = p_addr.to_bytes(4, "little")
holder[4:8] = p_addr.to_bytes(4, "little")
print(p.p[0], p.p[3], hex(p.ps[0].v), int(p.p) == p_addr)
p.p[1] = 0x99
print(target)

# memory through addresses
a = uctypes.addressof(target)
print(uctypes.bytes_at(a, 4), uctypes.bytes_at(a + 1, 2))
view = uctypes.bytearray_at(a, 4)
view[0] = 0x55
print(target, view)
print(uctypes.addressof(b"xyz") > 0, uctypes.bytes_at(uctypes.addressof(b"xyz"), 3))
for bad in (0, 4, 0x40000000, 0xFFFFFFF0):
    try:
        uctypes.bytes_at(bad, 4)
    except ValueError:
        print("ValueError", hex(bad))
try:
    uctypes.struct(0x40020000, {"x": uctypes.UINT32 | 0}).x
except ValueError:
    print("ValueError for a peripheral address")
for f in (lambda: s.nope, lambda: s.arr[4], lambda: uctypes.sizeof({"x": "bad"}), lambda: setattr(s, "inner", 1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__)
