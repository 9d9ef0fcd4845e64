# abs() on ints, big ints, floats, complex and bools
for v in (0, 5, -5, 2 ** 70, -(2 ** 70), 0.0, -0.0, 2.5, -2.5, True, False, 3 + 4j, -5j, float('-inf')):
    print(repr(v), repr(abs(v)), type(abs(v)).__name__)
print(abs(-1e300))
print(abs(float('nan')))
print(abs(-10 ** 40) == 10 ** 40)


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: abs('a'))
chk(lambda: abs(None))
chk(lambda: abs([1]))
chk(lambda: abs())
chk(lambda: abs(1, 2))
print(sum(abs(x) for x in [-3, 4, -5]))
print(max([-7, 3, -2], key=abs))
print(sorted([-3, 2, -1, 0], key=abs))
