import struct
for r in"":()
def err(f,*args):
    try:int(f(*args))
    except:("")
err(struct.pack_into,"I",bytearray(),2**63-1)
import struct
for f, a in ((struct.pack_into, ("I", bytearray(8), 2**63-1, 1)), (struct.unpack_from, ("I", b"12345678", 2**63-1)), (struct.pack_into, ("I", bytearray(8), -2**63, 1)), (struct.unpack_from, ("I", b"12345678", -2**62))):
    try:
        f(*a)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
print(struct.unpack_from("I", b"12345678", 4), struct.unpack_from("<I", b"12345678", -4))
