# bytearray slice assignment, including resizing and emptying a slice
ba = bytearray(b'0123456789')
ba[2:4] = b'ab'
print(ba)
ba[2:4] = b'XYZ'
print(ba)
ba[0:1] = b''
print(ba)
ba[:] = b'reset'
print(ba)
ba[5:] = b'!!'
print(ba)
ba[:0] = b'>>'
print(ba)
ba[-2:] = b'??'
print(ba)
ba[1:3] = bytearray(b'__')
print(ba)
ba[3:3] = b'ins'
print(ba)
ba[2:8] = b''
print(ba)
ba[0:len(ba)] = b'full'
print(ba, len(ba))
ba[100:] = b'end'
print(ba)
x = bytearray(10)
x[2:5] = b'\x01\x02\x03'
print(x)
x[-3:] = b'\xff\xff\xff'
print(list(x))
y = bytearray(b'aaaa')
z = y
y[1:3] = b'bb'
print(y, z, y is z)
m = bytearray(b'abcdef')
m[1:5] = b'Z'
print(m)
m[1:2] = b'WXYZ'
print(m)
print(len(m))
w = bytearray(b'window')
w[1:-1] = b'ID'
print(w)
w[:] = b''
print(w, len(w))
