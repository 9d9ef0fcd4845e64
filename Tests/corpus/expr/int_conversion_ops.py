# int() and float() conversions used in expressions
print(int('42') + 1)
print(int('-17') * 2)
print(int('  12  '))
print(int('ff', 16), int('0xff', 16), int('777', 8), int('0o777', 8), int('1010', 2), int('0b11', 0))
print(int('z', 36), int('10', 36))
print(int(3.99), int(-3.99), int(True))
print(float('3.5') * 2, float('-0.25'), float(' 2 '))
print(int(float('1e3')))
for bad in ['', 'abc', '1.5', '0x']:
    try:
        int(bad)
    except ValueError:
        print('ValueError for', repr(bad))
try:
    float('x')
except ValueError:
    print('ValueError float')
try:
    int([1])
except TypeError:
    print('TypeError')
print(str(12) + str(3.5) + str(True) + str(None))
print(int('1' * 30))
print(int('-' + '9' * 25) + 1)
print(hex(255), oct(8), bin(5))
print(int(hex(1234), 16), int(oct(1234), 8), int(bin(1234), 2))
print(bool('False'), bool(int('0')))
print(abs(int('-5')), float(int('7')))
print(int(2 ** 70 + 0.0) == 2 ** 70)
