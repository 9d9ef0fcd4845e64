# int() as a builtin: conversions from many types
print(int(), int(0), int(-5), int(2 ** 70))
print(int(3.99), int(-3.99), int(1e10))
print(int(True), int(False))
print(int('42'), int(' -17 '), int('+8'))
print(int('ff', 16), int('777', 8), int('1010', 2), int('z', 36))
print(int('0x10', 0), int('0o10', 0), int('0b10', 0), int('10', 0))
print(int('123456789012345678901234567890'))
print(int(int('5')))
print(type(int('5')).__name__)


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: int('x'))
chk(lambda: int('1.0'))
chk(lambda: int(''))
chk(lambda: int(None))
chk(lambda: int([]))
chk(lambda: int('10', 99))
chk(lambda: int(float('inf')))
chk(lambda: int(float('nan')))
chk(lambda: int(1j))
print([int(c) for c in '0123456789'])
print(sum(int(d) for d in str(2 ** 50)))
print(int('  0  '), int('-0'))
print(int(10.0) == 10, int(-0.0))
