# repr() escaping of control characters in str and bytes
for i in list(range(0, 32)) + [127]:
    print(i, repr(chr(i)), repr(bytes([i])))
print(repr('\\n'))
print(repr(b'\\n'))
print(repr('\x80'.encode('utf-8')))
print(repr(b'\x80\xff\xfe'))
print(repr('a\x00b\x01c'))
print(repr(b"it's"), repr(b'a"b'), repr(b'\'"'))
print(repr(bytearray(b'\x00\n')))
