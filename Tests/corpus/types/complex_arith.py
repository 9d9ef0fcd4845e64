# complex arithmetic with exactly representable results
a = 1 + 2j
b = 3 - 1j
print(a + b)
print(a - b)
print(a * b)
print(b * a)
print(a * 2)
print(2 * a)
print(a * 0.5)
print(a + 1)
print(1 + a)
print(a - 1.5)
print(-a)
print(+a)
print(a / 2)
print((1 + 2j) / (1 - 1j))
print((4 + 2j) / 2j)
print(1j * 1j)
print((2 + 0j) * (0 + 3j))
print((1 + 1j) * (1 - 1j))
print((1 + 1j) * (1 + 1j))
print(abs(3 + 4j))
print(abs(-5j))
print(abs(0j))
print(a == 1 + 2j, a != b)
print(complex(1, 2) == a)
print((1 + 0j) == 1, (2 + 0j) == 2.0)
print((1 + 1j) == 1)
x = 1j
x += 1
print(x)
x *= 2
print(x)
x -= 2j
print(x)
x /= 4
print(x)
print(type(a).__name__)
print(type(a + 1).__name__, type(a * 0).__name__)
print(sum([1j, 2j, 3]))
print([1j, 2 + 3j])


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: a / 0)
chk(lambda: a < b)
chk(lambda: a // 2)
chk(lambda: a % 2)
chk(lambda: int(a))
chk(lambda: float(a))
