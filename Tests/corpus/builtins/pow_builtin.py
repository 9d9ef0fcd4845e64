# pow() with two arguments
print(pow(2, 10), pow(-2, 3), pow(3, 0), pow(0, 0))
print(pow(2, -1), pow(4, -2), pow(-2, -2))
print(pow(2.0, 3), pow(2, 0.5) > 1.41, pow(9, 0.5))
print(pow(10, 20), pow(-10, 21))
print(pow(2, 100) == 2 ** 100)
print(pow(1.5, 2), pow(0.5, -2))
print(pow(True, 5), pow(5, True), pow(5, False))
print(type(pow(2, 3)).__name__, type(pow(2, -3)).__name__, type(pow(2.0, 3)).__name__)
print(pow(-8, 1), pow(1, 10 ** 6), pow(-1, 10 ** 6 + 1))
print(pow(0, 5), pow(0.0, 5))


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: pow(0, -1))
chk(lambda: pow(0.0, -1))
chk(lambda: pow('2', 2))
chk(lambda: pow(2, '2'))
chk(lambda: pow(2))
chk(lambda: pow())
chk(lambda: pow([2], 2))
chk(lambda: pow(None, 1))
for b in range(-3, 4):
    print(b, [pow(b, e) for e in range(4)])
print([pow(2, e) for e in range(-3, 1)])
