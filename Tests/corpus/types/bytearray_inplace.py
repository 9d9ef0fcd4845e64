# bytearray +=, +, comparisons, and mutation visible through aliases
a = bytearray(b'ab')
b = a
a += b'cd'
print(a, b, a is b)
a += bytearray(b'ef')
print(a)
c = a + b'gh'
print(c, type(c).__name__)
print(a)
print(a == b'abcdef', a != b'abcdef')
print(a == bytearray(b'abcdef'))
print(bytearray(b'abc') == bytearray(b'abc'))
d = bytearray(b'xyz')
e = d[:]
e[0] = 0x41
print(d, e)
lst = [bytearray(b'a'), bytearray(b'b')]
for item in lst:
    item.append(0x21)
print(lst)
f = bytearray(4)
for i in range(4):
    f[i] = i * 16
print(f)
print(f.hex())
total = 0
for v in bytearray(b'\x01\x02\x03\x04'):
    total += v
print(total)
h = bytearray(b'abc')
h[0], h[2] = h[2], h[0]
print(h)
k = bytearray(b'rev')
r = bytearray(reversed(k))
print(r)
print(bytearray(sorted(bytearray(b'dcba'))))
print(len(bytearray(b'x') + bytearray(b'yz')))
print(bytearray(b'ab') + bytearray() == b'ab')
m = bytearray(b'mutable')
m[0] = ord('M')
m += b'!'
print(m, len(m))
n = m
n += b'?'
print(m is n, m)
print(bytes(m) + b'.')
