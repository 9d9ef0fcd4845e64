# big int //, %, divmod with positive operands
a = 10 ** 40 + 12345
b = 10 ** 20 + 7
print(a // b)
print(a % b)
print(divmod(a, b))
q, r = divmod(a, b)
print(q * b + r == a)
print(2 ** 200 // 3)
print(2 ** 200 % 3)
print(2 ** 200 // 2 ** 100)
print(2 ** 200 % (2 ** 100 + 1))
print(divmod(2 ** 100, 7))
print(divmod(3 ** 100, 2 ** 64))
print((10 ** 50) // 7)
print((10 ** 50) % 7)
print(123456789012345678901234567890 // 1234567890)
print(123456789012345678901234567890 % 1234567890)
print(10 ** 30 // 10 ** 30)
print(10 ** 30 // (10 ** 30 + 1))
print(10 ** 30 % (10 ** 30 + 1))
print(5 // 10 ** 30)
print(5 % 10 ** 30)
print(2 ** 64 // 2 ** 32)
print(2 ** 64 % (2 ** 32 - 1))
print(divmod(18446744073709551615, 4294967295))
n = 2 ** 256 - 1
digits = []
while n:
    n, d = divmod(n, 10 ** 9)
    digits.append(d)
print(digits)
print(2 ** 100 / 2 ** 98)
print(2 ** 100 / 2 ** 100)
print(10 ** 20 / 4)


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: 10 ** 30 // 0)
chk(lambda: 10 ** 30 % 0)
chk(lambda: divmod(10 ** 30, 0))
chk(lambda: 10 ** 30 / 0)
