# bytes hex(sep), fromhex whitespace, decode with errors
def chk(f):
    try:
        print(f())
    except UnicodeError:
        print('UnicodeError')
    except Exception as e:
        print(type(e).__name__)


d = bytes(range(250, 256)) + b'\x00\x01'
print(d.hex(), d.hex(':'), d.hex('-', 2), d.hex(' ', -3), d.hex(b'.', 3), bytearray(d).hex('_'))
print(b''.hex(':'), b'\x01'.hex(':'), b'\x01\x02'.hex(':', 5), d.hex(':', 1), d.hex(sep='|'))
chk(lambda: d.hex('ab'))
chk(lambda: d.hex(''))
chk(lambda: d.hex(1))
print(bytes.fromhex('de ad  be ef'), bytes.fromhex(' 01\n02\t'), bytearray.fromhex('ff 00'), bytes.fromhex('aBcD'))
print(type(bytearray.fromhex('00')).__name__, bytes.fromhex(''), bytes.fromhex('   '))
chk(lambda: bytes.fromhex('0 1'))
chk(lambda: bytes.fromhex('x0'))
chk(lambda: bytes.fromhex('012'))
chk(lambda: bytes.fromhex(5))
bad = b'ab\xffcd\xc3(\xe2\x82z\xf0\x9f\x98\xed\xa0\x80'
chk(lambda: bad.decode())
chk(lambda: bad.decode('utf-8', 'strict'))
print(repr(bad.decode('utf-8', 'ignore')))
print(repr(bad.decode('utf-8', 'replace')))
print(repr(bytearray(bad).decode('utf-8', errors='replace')), repr(b'ok\xc3\xa9'.decode(errors='strict')))
print(repr(b'\xc3'.decode('utf-8', 'replace')), repr(b'\xf4\x90\x80\x80'.decode('utf-8', 'replace')))
print(repr(b'\xe0\x80\x80'.decode('utf-8', 'ignore')), repr(b'\xc0\xaf'.decode('utf-8', 'replace')))
print(b'caf\xc3\xa9'.decode(), b''.decode(), memoryview(b'mv').hex())
