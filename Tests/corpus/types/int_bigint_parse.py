# parsing big ints from strings in various bases
print(int('123456789012345678901234567890'))
print(int('-123456789012345678901234567890'))
print(int('  +99999999999999999999999  '))
print(int('1' * 60))
print(int('1' * 100, 2))
print(int('f' * 32, 16))
print(int('F' * 32, 16) == 2 ** 128 - 1)
print(int('7' * 30, 8))
print(int('z' * 20, 36))
print(int('0x' + 'ab' * 20, 16))
print(int('0x' + 'ab' * 20, 0))
print(int('0b' + '10' * 50, 0))
print(int('0o' + '7' * 30, 0))
print(int('-0x' + 'f' * 20, 0))
print(int('1' + '0' * 50))
print(int('1' + '0' * 50) == 10 ** 50)
print(int('100000000000000000000', 16))
print(int('100000000000000000000', 36))
print(int('helloworldthisisbig', 36))
print(int(str(2 ** 300)) == 2 ** 300)
print(int(hex(3 ** 80), 16) == 3 ** 80)
print(int(oct(3 ** 80), 8) == 3 ** 80)
print(int(bin(3 ** 80), 2) == 3 ** 80)
print(int(hex(-(3 ** 80)), 0) == -(3 ** 80))
print(int('0000000000000000000000000000012'))
print(int('-0000000000000000000000000000000'))


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: int('1' * 40 + 'x'))
chk(lambda: int('9' * 40, 8))
chk(lambda: int('1' * 40 + '.0'))
