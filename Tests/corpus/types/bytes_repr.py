# repr of bytes: escapes and quote choice
tests = [b'', b'abc', b"it's", b'a"b', b'both \' and "', b'\\', b'\t\n\r', b'\x00\x01\x1f',
         b'\x7f', b'\x80\xff', b'\xc3\xa9', b' ~', b'\x0b\x0c', b'\x07\x08', bytes(range(0x20, 0x30))]
for t in tests:
    print(repr(t))
    print(t)
print([b'a', b"'"])
print((b'\x00',))
print({b'k': b'v'})
print(str(b'\xff'))
print(repr(bytearray(b"its")))  # CPython escapes ' inside bytearray reprs; MicroPython does not
print(bytearray(b'\x00\xff'))
print(bytearray())
print(repr(bytes(2)))
