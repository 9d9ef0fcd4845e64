# slice assignment and deletion
l = list(range(10))
l[2:5] = ['a', 'b', 'c']
print(l)
l[2:5] = []
print(l)
l[1:1] = [100, 200]
print(l)
l[:] = [1, 2, 3]
print(l)
l[len(l):] = [4, 5]
print(l)
l[:0] = [0]
print(l)
l[1:3] = 'xyz'
print(l)
l[::2] = [None] * len(l[::2])
print(l)
m = list(range(8))
m[::-2] = ['a', 'b', 'c', 'd']
print(m)
try:
    m[::2] = [1, 2]
except ValueError:
    print('ValueError')
m = list(range(10))
del m[1:3]
print(m)
del m[::2]
print(m)
del m[-1:]
print(m)
del m[:]
print(m)
n = list(range(10))
del n[::-3]
print(n)
del n[100:]
print(n)
o = [1, 2, 3]
o[0:2] = range(5)
print(o)
p = [1, 2, 3, 4]
p[1:3] = (9,)
print(p)
q = [1, 2, 3]
q[-1:] = [7, 8, 9]
print(q)
ba = bytearray(b'hello')
ba[1:3] = b'EY'
print(ba)
del ba[0:1]
print(ba)
