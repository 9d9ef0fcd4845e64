# big int bitwise ops with non-negative operands
a = 2 ** 100 + 2 ** 64 + 0xFFFF
b = 2 ** 90 + 2 ** 64 + 0xF0F0
print(a & b)
print(a | b)
print(a ^ b)
print(hex(a & b))
print(hex(a | b))
print(hex(a ^ b))
print(a & 0xFFFFFFFF)
print(a & (2 ** 64))
print(a | 1)
print(a ^ a)
print((2 ** 128 - 1) & (2 ** 64 - 1))
print((2 ** 128 - 1) ^ (2 ** 64 - 1))
print(hex((2 ** 128 - 1) ^ (2 ** 64 - 1)))
print(0xAAAAAAAAAAAAAAAAAAAAAAAA & 0x555555555555555555555555)
print(hex(0xAAAAAAAAAAAAAAAAAAAAAAAA | 0x555555555555555555555555))
print(hex(0xDEADBEEFDEADBEEFDEADBEEF ^ 0xFFFFFFFFFFFFFFFFFFFFFFFF))
print(hex(0x123456789ABCDEF0123456789 & 0xFF00FF00FF00FF00FF00FF00F))
print((1 << 200) | (1 << 100) | 1)
print(((1 << 200) | (1 << 100) | 1) & (1 << 100))
m = 0
for i in range(0, 150, 7):
    m |= 1 << i
print(m)
print(bin(m).count('1'))
print(m & (m >> 7))
print(m ^ (m >> 7))
x = 2 ** 70
x |= 2 ** 3
print(x)
x &= 2 ** 70 - 1
print(x)
x ^= 2 ** 80
print(x)
print(~(2 ** 100))
print(~(2 ** 64 - 1))
print(hex(~(2 ** 64)))
print((2 ** 64) & 0, (2 ** 64) | 0)
print(5 & 2 ** 100, 5 | 2 ** 100)
