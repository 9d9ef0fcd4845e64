# pow(base, exp, mod)
print(pow(3, 4, 5), pow(2, 10, 1000), pow(7, 2, 13))
print(pow(2, 100, 1000000007))
print(pow(12345, 6789, 10007))
print(pow(-2, 3, 5), pow(-3, 3, 7), pow(2, 3, -5))
print(pow(5, 0, 7), pow(0, 0, 7), pow(0, 3, 7))
print(pow(10, 100, 10 ** 9 + 9))
print(pow(2, 10 ** 5, 997))
print(pow(3, 2 ** 70, 1000))
print(pow(2 ** 100, 2 ** 10, 2 ** 61 - 1))
print(pow(7, 1, 1), pow(7, 5, 1))
for m in (2, 3, 7, 10, 97):
    print(m, [pow(b, 3, m) for b in range(6)])


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: pow(2, 3, 0))
chk(lambda: pow(2.0, 3, 5))
chk(lambda: pow(2, 3.0, 5))
chk(lambda: pow(2, 3, 5.0))
chk(lambda: pow('2', 3, 5))


def modexp(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r


print(all(modexp(b, e, 1009) == pow(b, e, 1009) for b in range(2, 20) for e in range(0, 50, 7)))
