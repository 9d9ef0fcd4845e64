# str() of various objects
print(str())
print(repr(str()))
print(str(123))
print(str(-4.5))
print(str(True))
print(str(None))
print(str([1, 2]))
print(str((1, 'a')))
print(str({'a': 1}))
print(str(b'bytes'))
print(str(bytearray(b'ba')))
print(str('already'))
print(str(1j))
print(str(range(3)))
print(str(2 ** 70))
print(str(str))
print(str(int))
print(str(type(None)))


class A:
    def __str__(self):
        return 'A-str'

    def __repr__(self):
        return 'A-repr'


class B:
    def __repr__(self):
        return 'B-repr'


print(str(A()), repr(A()))
print(str(B()), repr(B()))
print([A(), B()])
print('%s %r' % (A(), A()))
print('{} {!r}'.format(A(), A()))
print(str(b'\xff\x00'))
print(str(b"it's"))
print(str(slice(1, 2)))
print(str(1.0), str(1e16))
print(type(str(5)).__name__)
print(str(5) + str(5))
print(str(-0))
print(str(0.1))
print(str(frozenset()))
print(str(set()))
print(str(()))
print(str([]))
print(str({}))
