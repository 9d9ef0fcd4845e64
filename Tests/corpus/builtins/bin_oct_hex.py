# bin(), oct(), hex() on small ints
for n in (0, 1, 2, 7, 8, 15, 16, 255, 256, 1000, -1, -8, -255, True, False):
    print(n, bin(n), oct(n), hex(n))
print(int(bin(42), 2), int(oct(42), 8), int(hex(42), 16))
print(int(bin(-42), 0), int(hex(-42), 0))
print(type(hex(1)).__name__)
print(hex(0xdeadbeef))
print(bin(0b1010101))
print(oct(0o777))


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: hex(1.5))
chk(lambda: bin('1'))
chk(lambda: oct(None))
chk(lambda: hex())
print('%x' % 255 == hex(255)[2:])
print('{:b}'.format(10) == bin(10)[2:])
