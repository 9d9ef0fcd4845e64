# bitwise operations involving negative small ints (two's complement semantics)
vals = [-1, -2, -5, -8, -128, -255, -256]
for v in vals:
    print(v, v & 0xFF, v | 0x0F, v ^ 0x55, ~v)
print(-5 & 3)
print(-5 | 3)
print(-5 ^ 3)
print(-5 & -3)
print(-5 | -3)
print(-5 ^ -3)
print(5 & -3)
print(5 | -3)
print(5 ^ -3)
print(-1 & 0x7FFFFFFF)
print(-1 & 0xFFFFFFFF)
print(-1 & 0xFFFFFFFFFFFFFFFF)
print(-2 ** 31 & 0xFFFFFFFF)
print(-12345 & 0xFFFF)
print(hex(-12345 & 0xFFFF))
print(~-12345)
print(-256 | 255)
print(-256 ^ 255)
print(-1 ^ -1)
print(-1 | 0)
print(0 & -1)
x = -100
x &= 0xFFF
print(x)
x = 100
x |= -128
print(x)
x ^= -1
print(x)
print(-(1 << 20) & ((1 << 24) - 1))
print(-7 & -8, -7 | -8, -7 ^ -8)
