# chr()/ord() error handling and edge code points
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: chr(-1))
chk(lambda: chr(0x110000))
chk(lambda: chr(1.5))
chk(lambda: chr('a'))
chk(lambda: chr())
chk(lambda: ord(''))
chk(lambda: ord('ab'))
chk(lambda: ord(65))
chk(lambda: ord(None))
chk(lambda: ord(b'A'))
chk(lambda: ord(b''))
chk(lambda: ord(b'AB'))
chk(lambda: ord(chr(0x10FFFF)))
chk(lambda: ord(chr(0xFFFF)))
chk(lambda: len(chr(0x10000)))
chk(lambda: ord('é'))
chk(lambda: chr(233))
chk(lambda: chr(True))
chk(lambda: ord('€') - ord('e'))
chk(lambda: chr(0x1F600) == '😀')
chk(lambda: [ord(c) for c in 'ñü'])
