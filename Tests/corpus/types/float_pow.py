# float exponentiation
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print(2.0 ** 3)
print(2 ** 3.0)
print(2.0 ** -1)
print(2.0 ** 0)
print(0.0 ** 0)
print(0.5 ** 2)
print(1.5 ** 2)
print(16 ** 0.5)
print(16.0 ** 0.25)
print(8 ** (1 / 3) > 1.99)
print((-2.0) ** 2)
print((-2.0) ** 3)
print((-8.0) ** 2.0)
print(1.0 ** 1e10)
print(10.0 ** 2)
print(10.0 ** -2 == 0.01)
print(pow(2.0, 10))
print(pow(4, 0.5))
print(pow(2, -2))
chk(lambda: 0.0 ** -1)
chk(lambda: 0 ** -1.0)
print(type((-8.0) ** (1 / 3)).__name__)
print(type(2 ** 0.5).__name__)
x = 3.0
x **= 2
print(x)
x **= 0.5
print(x)
print(2 ** 0.5 * 2 ** 0.5 > 1.99)
print(round(2 ** 0.5, 6))
print(round(10 ** 0.5, 4))
print(round(2.0 ** 0.1, 5))
print(pow(9, 0.5) == 3.0)
print(abs(-2.0) ** 3)
