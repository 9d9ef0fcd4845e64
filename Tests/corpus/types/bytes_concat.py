# bytes concatenation/repetition and type mixing
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print(b'ab' + b'cd')
print(b'' + b'')
print(b'ab' * 3)
print(3 * b'ab')
print(b'ab' * 0)
print(b'ab' * -1)
print(b'x' + bytearray(b'y'))
print(type(b'x' + bytearray(b'y')).__name__)
print(bytearray(b'x') + b'y')
print(type(bytearray(b'x') + b'y').__name__)
b = b'a'
b += b'b'
print(b)
b *= 3
print(b)
chk(lambda: 'a' + b'b')
chk(lambda: b'a' + 1)
chk(lambda: b'a' + [1])
chk(lambda: b'a' * 'b')
chk(lambda: b'a' * 1.0)
parts = [bytes([i]) for i in range(65, 70)]
out = b''
for p in parts:
    out += p
print(out)
print(b''.join(parts) == out)
print(len(b'\x00' * 100))
print((b'ab' * 3).count(b'ab'))
print(b'-' * 10)
x = b'fixed'
y = x
x += b'!'
print(x, y)
print(b'ab' + b'cd' == b'abcd')
print(bytes(2) + bytes(1))
