# small int arithmetic: + - * / // % ** and unary ops
a, b = 17, 5
print(a + b, a - b, a * b)
print(a / b)
print(a // b, a % b)
print(a ** 2)
print(-a + b)
print(b - a)
print(0 - 0)
print(-0)
print(+a)
print(-(-a))
print(1 + 2 * 3 - 4)
print((1 + 2) * (3 - 4))
print(2 * 3 ** 2)
print(-2 ** 2)
print((-2) ** 2)
print(2 ** 3 ** 2)
print(10 / 4)
print(10 / 5)
print(-10 / 4)
print(1 / 8)
print(7 * 0)
print(123456 * 1000)
print(999999 + 1)
print(1000000 - 1)
print(3 * -4)
print(-3 * -4)
print(100 // 7 * 7 + 100 % 7)
print(0 // 5, 0 % 5)
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 3
print(x)
x <<= 2
print(x)
x >>= 1
print(x)
x |= 1
print(x)
x &= 6
print(x)
x ^= 15
print(x)
print(type(10 / 2).__name__)
print(type(10 // 2).__name__)
