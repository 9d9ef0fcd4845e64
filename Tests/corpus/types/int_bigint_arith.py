# arbitrary precision: addition, subtraction, carries across word boundaries
a = 2 ** 64
b = 2 ** 64 - 1
print(a, b)
print(a + b)
print(a - b)
print(b - a)
print(a + 1)
print(-a - 1)
print(10 ** 30 + 10 ** 15)
print(10 ** 30 - 10 ** 15)
print(10 ** 30 - 10 ** 30)
print(99999999999999999999 + 1)
print(100000000000000000000 - 1)
print(-99999999999999999999 - 1)
print(2 ** 100 + 2 ** 99)
print(2 ** 100 - 2 ** 99 == 2 ** 99)
x = 0
for i in range(50):
    x += 2 ** (i * 3)
print(x)
print(x - x)
print(-x + x)
print(2 ** 62 + 2 ** 62)
print(2 ** 63 - 1 + 1)
print(-(2 ** 63) - 1)
print(4611686018427387903 + 1)
print(1073741823 + 1)
print(-1073741824 - 1)
print(9223372036854775807 + 9223372036854775807)
print(18446744073709551615 + 18446744073709551615)
s = 0
for i in range(1, 101):
    s += i ** 10
print(s)
print(abs(-(10 ** 25)))
print(-(-(10 ** 25)))
c = 10 ** 40
c += 1
c -= 10 ** 40
print(c)
print(type(2 ** 100).__name__)
print(2 ** 100 > 0, -(2 ** 100) < 0)
print((2 ** 100 - 2 ** 100) == 0)
