# shifts producing and consuming big ints
print(1 << 100)
print(1 << 1000 == 2 ** 1000)
print(3 << 70)
print(-3 << 70)
print((1 << 100) >> 50)
print((1 << 100) >> 100)
print((1 << 100) >> 101)
print((1 << 100) >> 1000)
print(-(1 << 100) >> 1000)
print(-(1 << 100) >> 99)
print(-(1 << 100) >> 101)
print((-(1 << 100) - 1) >> 100)
print((2 ** 100 + 12345) >> 3)
print((-(2 ** 100) - 12345) >> 3)
print(0xFFFFFFFFFFFFFFFFFFFF >> 40)
print(hex(0xFFFFFFFFFFFFFFFFFFFF << 12))
for n in (1, 31, 32, 33, 63, 64, 65, 127, 128):
    v = (2 ** 130 - 1) >> n
    print(n, v, v.to_bytes(17, 'big')[:3])
x = 12345
for i in range(5):
    x <<= 37
print(x)
for i in range(5):
    x >>= 37
print(x)
y = -99
y <<= 200
print(y)
y >>= 199
print(y)
print(1 << 64 >> 64)
print((1 << 64) - 1 >> 63)
