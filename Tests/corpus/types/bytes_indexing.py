# bytes indexing yields ints; IndexError past the end
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


b = b'\x00\x01ABC\xfe\xff'
for i in range(len(b)):
    print(i, b[i], b[-1 - i])
chk(lambda: b[7])
chk(lambda: b[-8])
chk(lambda: b[100])
chk(lambda: b'x'[0])
chk(lambda: b''[0])
chk(lambda: b['a'])
print(b[2] == ord('A'))
print(chr(b[3]))
print([hex(x) for x in b])


def assign():
    b[0] = 1


chk(assign)
print(b'abc'[True])
print(b'hello'[1] + b'hello'[2])
print(b'AB'[0] < b'AB'[1])
