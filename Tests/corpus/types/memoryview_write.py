# writing through a memoryview into a bytearray
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


ba = bytearray(b'abcdef')
mv = memoryview(ba)
mv[0] = 65
print(ba)
mv[-1] = 70
print(ba)
mv[1:3] = b'XY'
print(ba)
part = mv[2:5]
part[0] = ord('-')
print(ba)
part[1:3] = b'**'
print(ba)
print(bytes(part))
ba[0] = ord('z')
print(mv[0], bytes(mv[:1]))
for i in range(len(mv)):
    mv[i] = mv[i] | 0x20
print(ba)
ro = memoryview(b'readonly')


def write_ro():
    ro[0] = 1


def write_slice_ro():
    ro[0:2] = b'xx'


def bad_len():
    mv[0:2] = b'abc'


chk(write_ro)
chk(write_slice_ro)
chk(bad_len)
print(ba)
buf = bytearray(8)
view = memoryview(buf)
view[0:4] = b'\x01\x02\x03\x04'
view[4:8] = bytes([9, 8, 7, 6])
print(buf)
print(list(buf))
print(buf.hex())
tail = view[6:]
tail[0] = 255
print(buf[6])
chk(lambda: mv[100])
full = bytearray(b'.....')
fv = memoryview(full)
fv[:] = b'12345'
print(full)
fv[1:4] = bytearray(b'abc')
print(full)
fv[0:0] = b''
print(full, len(fv))
