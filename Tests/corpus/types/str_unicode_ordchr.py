# ord and chr with non-ASCII code points
for c in 'aAzZ09 ~éñü€日本😀':
    print(repr(c), ord(c), chr(ord(c)) == c)
for cp in (65, 97, 233, 241, 8364, 26085, 128512, 0x10000, 0x7FF, 0x800, 0xFFFF):
    c = chr(cp)
    print(cp, len(c), len(c.encode('utf-8')), ord(c) == cp)
print(chr(0x10FFFF) == '\U0010ffff')
print(ord('\U0010ffff'))
print(ord('\x00'), ord('\x7f'))
print(''.join(chr(c) for c in range(0x3b1, 0x3b6)))
print([ord(c) for c in 'αβγ'])
print(chr(0x4e2d) + chr(0x6587))
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: chr(0x110000))
chk(lambda: chr(-1))
chk(lambda: ord(''))
chk(lambda: ord('ab'))
chk(lambda: ord('éé'))
