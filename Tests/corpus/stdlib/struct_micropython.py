# struct: MicroPython specifics (ValueError, truncation, relaxed unpack, no '?')
import struct

def err(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

# values are truncated to the field size, not range-checked
print(struct.pack("<B", 256), struct.pack("<b", 200), struct.pack("<H", -1), struct.pack("<I", 2 ** 40 + 1))
# unpack (like unpack_from) accepts a longer buffer
print(struct.unpack("<h", b"\x01\x02\x03"))
# str has the buffer protocol
print(struct.unpack("<2B", "ab"), struct.pack("<3s", "xy"))
err(struct.unpack, "<h", b"\x01")
err(struct.pack, "?", True)
err(struct.calcsize, "n")
err(struct.pack_into, "<i", bytearray(2), 0, 1)
err(struct.pack, "ii", 1)
print(sorted(n for n in dir(struct) if not n.startswith("_")))
