# bitwise operations on non-negative small ints
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(~a, ~b)
print(~0, ~1, ~-1)
print(0xFF & 0x0F)
print(0xF0 | 0x0F)
print(0xFF ^ 0xAA)
print(255 & 128)
print(1 | 2 | 4 | 8)
print(0 & 12345)
print(0 | 12345)
print(12345 ^ 12345)
print(0x7FFFFFFF & 0xFFFF)
print(0x12345678 & 0xFF00FF00)
print(hex(0x12345678 ^ 0xFFFFFFFF))
print(hex(0xDEADBEEF | 0x01010101))
for i in range(8):
    print(i, i & 3, i | 8, i ^ 5, ~i)
m = 0
for bit in (0, 3, 5, 7):
    m |= 1 << bit
print(m, bin(m))
print((m >> 3) & 1)
print((m >> 4) & 1)
m &= ~(1 << 3)
print(m, bin(m))
m ^= 0xFF
print(m, bin(m))
print(5 & 3 | 8)
print(5 ^ 3 & 1)
print(1 | 2 ^ 3 & 4)
