# str() builtin: conversions, decoding bytes with an encoding
print(str(), repr(str()))
print(str(0), str(-12), str(2 ** 64))
print(str(1.5), str(-0.25), str(1e20), str(1e-20))
print(str(True), str(None))
print(str([1, 'a']), str((1,)), str({'k': 'v'}))
print(str(b'abc'), str(bytearray(b'x')))
print(str(b'caf\xc3\xa9', 'utf-8'))
print(str(bytearray(b'\xe2\x82\xac'), 'utf-8'))
print(str('same') == 'same')
print(str(str(str(5))))
print(type(str(5)).__name__, len(str(12345)))


class P:
    def __str__(self):
        return 'custom'


class Q:
    def __repr__(self):
        return 'repr only'


print(str(P()), str(Q()))
print(str([Q()]), str((Q(),)))
print(str(range(2)), str(slice(None)))
print(str(1j), str(-1 + 0.5j))
print(str(int), str(type(None)))
print(str(frozenset()))
print(str(float('inf')), str(float('nan')))
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: str(b'\xc3\xa9', 'utf-8'))
chk(lambda: str(1, 'utf-8'))
print('-'.join(str(i) for i in range(5)))
