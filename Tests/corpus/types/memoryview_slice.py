# nested memoryview slices share memory with the underlying buffer
data = bytearray(range(16))
mv = memoryview(data)
a = mv[4:12]
b = a[2:6]
c = b[1:3]
print(bytes(a))
print(bytes(b))
print(bytes(c))
print(len(a), len(b), len(c))
c[0] = 200
print(data[7], a[3], b[1])
b[0:2] = b'\xaa\xbb'
print(list(data[4:12]))
print(bytes(mv[-4:]))
print(bytes(mv[:-12]))
print(bytes(mv[10:100]))
print(len(mv[100:]))
print(bytes(mv[5:5]))
for start in range(0, 16, 4):
    print(start, list(mv[start:start + 4]))
w = memoryview(b'abcdefgh')
print(bytes(w[1:7][1:5][1:3]))
print(w[1:7][0], w[1:7][-1])
print(list(w[2:4]))
print(bytes(w[0:8]) == b'abcdefgh')
x = bytearray(b'zero')
xv = memoryview(x)[1:]
xv[:] = b'ERO'
print(x)
