# arbitrary precision multiplication and sign handling
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a * b)
print(a * -b)
print(-a * -b)
print(a * 0)
print(a * 1)
print(a * a)
print((2 ** 64) * (2 ** 64))
print((2 ** 64 - 1) * (2 ** 64 - 1))
print(65536 * 65536 * 65536 * 65536)
print(4294967296 * 4294967296)
print(3037000500 * 3037000500)
print(-3037000500 * 3037000500)
print(1000000007 * 998244353)
print(123456789 * 987654321 * 111111111)
p = 1
for i in range(1, 30):
    p *= i * 1000003
print(p)
print(p % 1000000007)
r = 1
for k in range(40):
    r = r * 31 + k
print(r)
print(11111111111111111111 * 11111111111111111111)
print(99999999999 * 99999999999)
print((10 ** 20 + 1) * (10 ** 20 - 1))
print(10 ** 40 - 1)
print(7 * (10 ** 50))
print((-7) * (10 ** 50))
x = 2 ** 100
x *= 3
print(x)
x *= -1
print(x)
print('ab' * (3))
print(int('9' * 40) * int('9' * 40))
print(len(str(int('9' * 40) * int('9' * 40))))
