# float() as a builtin: conversions from many types
print(float(), float(0), float(5), float(-5))
print(float(True), float(False))
print(float('1.5'), float('-2.25'), float(' 3 '))
print(float('1e3'), float('1E-2'), float('.5'), float('5.'))
print(float('inf'), float('-inf'), float('nan'))
print(float('Infinity'), float('-INF'))
print(float(2 ** 60) == 2.0 ** 60)
print(float(10 ** 20))
print(float(1.25))
print(type(float(1)).__name__)


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: float('x'))
chk(lambda: float(''))
chk(lambda: float('1,5'))
chk(lambda: float(None))
chk(lambda: float([1]))
chk(lambda: float(1j))
chk(lambda: float('1e1e1'))
print([float(s) for s in ('0', '1', '-1', '0.5', '100')])
print(float('  -0.0  '))
print(float(int('7')) / 2)
print(float(3) == 3)
