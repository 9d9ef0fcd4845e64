import io

b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"def")), b.write(memoryview(b"ghi")))
print(b.getvalue(), b.tell())
b.seek(0)
print(b.read(2), b.read(0), b.read(), b.read())
b.seek(1)
buf = bytearray(4)
print(b.readinto(buf), buf)
print(b.readinto(bytearray(10)), b.tell())
b = io.BytesIO(b"line1\nline2\n\nend")
print(b.readline(), b.readline(), b.readline(), b.readline(), b.readline())
b.seek(0)
print(b.readlines())
b.seek(0)
print([l for l in b])
b = io.BytesIO(b"12345")
b.seek(2)
b.write(b"XY")
print(b.getvalue())
b.seek(8)
b.write(b"!")
print(b.getvalue())
b.seek(-2, 2)
print(b.read())
with io.BytesIO(b"\x00\xff\x80") as f:
    print(f.read(), len(f.getvalue()))
try:
    io.BytesIO().write("str")
except TypeError:
    print("TypeError")
b = io.BytesIO(b"data")
b.close()
try:
    b.read()
except ValueError:
    print("ValueError")
