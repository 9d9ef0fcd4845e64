# binascii: hexlify/unhexlify, base64 and crc32
import binascii

for data in (b"", b"\x00", b"\x01\xab\xff", bytes(range(20)), bytearray(b"hello"), b"The quick brown fox"):
    h = binascii.hexlify(data)
    print(h, binascii.unhexlify(h) == data)
print(binascii.hexlify(b"\x01\x02\x03", "-"), binascii.hexlify(b"\xde\xad\xbe\xef", ":"), binascii.hexlify(b"\x01", " "))
print(binascii.unhexlify(b"DEADbeef"), binascii.unhexlify("00ff"), binascii.hexlify(memoryview(b"xyz")))

for data in (b"", b"a", b"ab", b"abc", b"abcd", b"hello world", bytes(range(256))[:70], b"\xff\xfe\xfd"):
    e = binascii.b2a_base64(data)
    print(e, binascii.a2b_base64(e) == data)
print(binascii.b2a_base64(b"hello", newline=False), binascii.b2a_base64(b"", newline=False))
print(binascii.a2b_base64(b"aGVsbG8="), binascii.a2b_base64("aGk="), binascii.a2b_base64(b"YQ=="))
print(binascii.a2b_base64(b"aGVs\nbG8gd29y\nbGQ=\n"))

for data in (b"", b"a", b"hello", b"123456789", bytes(range(256)), bytearray(1000)):
    print(binascii.crc32(data))
print(binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"hello world"))
print(binascii.crc32(b"abc", 0), binascii.crc32(b"abc", 0xffffffff), binascii.crc32(b"x", 12345))

def err(f, *a):
    try:
        print(f(*a))
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
err(binascii.unhexlify, b"abc")
err(binascii.unhexlify, b"zz")
err(binascii.a2b_base64, b"aGVsbG8")
err(binascii.a2b_base64, b"a")
err(binascii.hexlify, 123)
err(binascii.crc32, 1)
