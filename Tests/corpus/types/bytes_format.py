# bytes.format: MicroPython's bytes share str's method table, so format exists and returns a str
# (CPython has no bytes.format); bytearray has the name but rejects the call.
print(b'{}-{!r}'.format(1, b'x'))
print(type(b'{}'.format(2)).__name__, b'plain'.format(), b'{a}{0:>3}'.format(7, a='k'))
print(hasattr(bytearray, 'format'))
try:
    bytearray(b'{}').format(1)
except TypeError:
    print('TypeError')
