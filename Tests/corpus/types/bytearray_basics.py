# bytearray construction, indexing, item assignment, repr
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


ba = bytearray(b'hello')
print(ba, len(ba), type(ba).__name__)
print(ba[0], ba[-1])
ba[0] = 72
print(ba)
ba[-1] = ord('O')
print(ba)
print(list(ba))
print(bytes(ba))
print(ba == b'HellO')
print(b'ell' in ba)
print(b'xyz' in ba)
print(ba[1:3], type(ba[1:3]).__name__)
print(bytearray(3))
print(bytearray())
print(bytearray([1, 2, 255]))
print(bytearray(range(5)))
print(bytearray(b'abc'))
print(bytearray(bytearray(b'copy')))
c = bytearray(b'xyz')
d = c
d[0] = 65
print(c, d)
e = bytearray(c)
e[1] = 66
print(c, e)


def set_str():
    ba[0] = 'a'


def set_oob():
    ba[10] = 1


chk(set_str)
chk(set_oob)
chk(lambda: ba[10])
print(ba)
print(bool(bytearray()), bool(bytearray(1)))
for i in range(len(ba)):
    ba[i] = ba[i] + 1
print(ba)
print(ba.decode())
