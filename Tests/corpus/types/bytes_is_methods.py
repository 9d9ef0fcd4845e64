# bytes is* methods and case conversion
tests = [b'', b'abc', b'ABC', b'aBc', b'123', b'abc123', b' ', b' \t\n', b'A1', b'a_b', b'\xff', b'Z']
for t in tests:
    print(t, t.isalpha(), t.isdigit(), t.isspace(), t.isupper(), t.islower())
for t in (b'Hello', b'WORLD', b'mixed Case 1', b'\x00a'):
    print(t.lower(), t.upper())
print(b'abc'.upper().isupper())
print(b'ABC'.lower().islower())
print(b'12'.isdigit() and not b'1.2'.isdigit())
print(b'\xe9'.upper())
print(b'\xc9'.lower())
print(b'ab'.upper() == b'AB')
print(type(b'a'.upper()).__name__)
