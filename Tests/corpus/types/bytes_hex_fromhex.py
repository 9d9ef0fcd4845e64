# bytes.hex() and bytes.fromhex()
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print(b''.hex())
print(b'\x00'.hex())
print(b'\x01\x02\x03'.hex())
print(b'\xde\xad\xbe\xef'.hex())
print(b'hello'.hex())
print(bytes(range(16)).hex())
print(bytes(range(250, 256)).hex())
print(bytes.fromhex(''))
print(bytes.fromhex('00'))
print(bytes.fromhex('deadbeef'))
print(bytes.fromhex('DEADBEEF'))
print(bytes.fromhex('68656c6c6f'))
print(bytes.fromhex('0102ff'))
print(bytes.fromhex(b'\xca\xfe'.hex()))
for data in (b'a', b'\x7f\x80', b'xyz\x00', bytes(5)):
    h = data.hex()
    print(h, len(h), bytes.fromhex(h) == data)
chk(lambda: bytes.fromhex('abc'))
chk(lambda: bytes.fromhex('zz'))
chk(lambda: bytes.fromhex('0g'))
print(bytearray(b'\x01\xab').hex())
print(type(b'\x01'.hex()).__name__)
print(type(bytes.fromhex('01')).__name__)
print(int(b'\x01\x00'.hex(), 16))
