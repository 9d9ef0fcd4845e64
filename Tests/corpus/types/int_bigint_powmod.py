# three-argument pow with big numbers
M = 10 ** 9 + 7
print(pow(2, 100, M))
print(pow(3, 10 ** 6, M))
print(pow(2, 2 ** 64, M))
print(pow(12345678901234567890, 98765432109876543210, 10 ** 20))
print(pow(10 ** 30, 5, 2 ** 61 - 1))
print(pow(2, 1000, 10 ** 12))
print(pow(7, 123456789, 1000000))
print(pow(-7, 3, 11))
print(pow(-(10 ** 20), 3, 97))
print(pow(5, 0, 13))
print(pow(0, 5, 13))
print(pow(2 ** 100, 2, 2 ** 100 + 1))
print(pow(2 ** 100, 1, 2 ** 50))
print(pow(3, 200, 2 ** 127 - 1))
p = 2 ** 127 - 1
print(pow(2, p - 1, p))
print(pow(3, p - 1, p))
print(pow(10, 18, 10 ** 18 + 9))
q = 1000000007
for a in (2, 3, 5, 10, 123456):
    print(a, pow(a, q - 2, q), a * pow(a, q - 2, q) % q)
print(pow(2, 10, 2 ** 70))
print(pow(99, 99, 10 ** 40))


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: pow(2, 100, 0))
chk(lambda: pow(2.0, 3, 5))
print(pow(2, 100, 1))
