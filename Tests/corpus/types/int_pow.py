# integer power, including negative exponents (float result) and pow()
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


for b in (0, 1, 2, 3, -2, 10):
    print(b, [b ** e for e in range(6)])
print(0 ** 0)
print(2 ** -1)
print(2 ** -2)
print(4 ** -1)
print((-2) ** -1)
print(10 ** -3 == 0.001)
print(type(2 ** -1).__name__)
print(pow(2, 8))
print(pow(3, 0))
print(pow(-3, 3))
print(pow(2, 10, 1000))
print(pow(3, 4, 5))
print(pow(7, 2, 13))
print(pow(-2, 3, 5))
print(pow(2, 0, 7))
print(pow(5, 3, 1))
chk(lambda: pow(2, 3, 0))
chk(lambda: 0 ** -1)
print(2 ** 30)
print(2 ** 31)
print(2 ** 32)
print(2 ** 62)
print(2 ** 63)
print(2 ** 64)
print(-(2 ** 63))
print(3 ** 40)
print(7 ** 21)
print((-1) ** 1001)
print((-1) ** 1000)
x = 3
x **= 4
print(x)
