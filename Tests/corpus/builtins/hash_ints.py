# hash() of small ints equals the int; equal objects hash equal
for n in (0, 1, 2, 5, 42, 100, 1000, 123456, -2, -5, -100):
    print(n, hash(n))
print(hash(True), hash(False))
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False))
print(hash((1, 2)) == hash((1, 2)))
print(hash(()) == hash(()))
print(hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash((True, 2)) == hash((1, 2.0)))
print(hash('abc') == hash('abc'))
print(hash(b'ab') == hash(b'ab'))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(None) == hash(None))
print(type(hash(5)).__name__, type(hash('s')).__name__)


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: hash([]))
chk(lambda: hash({}))
chk(lambda: hash(set()))
chk(lambda: hash(bytearray()))
chk(lambda: hash((1, [2])))


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v

    def __eq__(self, other):
        return self.v == other.v


print(hash(H(7)), hash(H(12345)))
print({H(3): 'x'}[H(3)])
