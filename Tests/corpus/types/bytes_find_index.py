# bytes find/rfind/index/rindex/count
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


b = b'abracadabra'
print(b.find(b'a'), b.rfind(b'a'))
print(b.find(b'bra'), b.rfind(b'bra'))
print(b.find(b'z'), b.rfind(b'z'))
print(b.find(b''), b.rfind(b''))
print(b.find(b'a', 1), b.find(b'a', 1, 3))
print(b.rfind(b'a', 0, 5))
print(b.find(b'a', -2))
print(b.count(b'a'), b.count(b'bra'), b.count(b'x'))
print(b.count(b'a', 4), b.count(b'a', 4, 8))
print(b.index(b'c'), b.rindex(b'b'))
chk(lambda: b.index(b'z'))
chk(lambda: b.rindex(b'z'))
chk(lambda: b.index(b'a', 1, 2))
chk(lambda: b.find('a'))
print(b'\x00\x01\x00'.find(b'\x00', 1))
print(b'\xff\xfe'.find(b'\xfe'))
print(b'aaaa'.count(b'aa'))
print(b''.find(b''))
print(b''.count(b'a'))
for sub in (b'a', b'ab', b'ra', b'cad', b'dab'):
    print(sub, b.find(sub), b.rfind(sub), b.count(sub))
