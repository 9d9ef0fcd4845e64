# bytes comparisons and equality with bytearray
pairs = [(b'a', b'b'), (b'b', b'a'), (b'a', b'a'), (b'abc', b'abd'), (b'abc', b'ab'),
         (b'', b'a'), (b'', b''), (b'Z', b'a'), (b'\x00', b''), (b'\xff', b'\x7f'), (b'10', b'9')]
for a, b in pairs:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(b'abc' == bytearray(b'abc'))
print(bytearray(b'abc') == b'abc')
print(b'abc' != bytearray(b'abd'))
print(b'abc' == 'abc')
print(b'' == bytes())
print(sorted([b'b', b'a', b'', b'ab', b'\xff']))
print(max([b'a', b'abc', b'ab']), min([b'a', b'abc', b'ab']))
print(b'a' in [b'a', b'b'])
print([b'x'] == [b'x'])
print((b'a', 1) < (b'a', 2))
try:
    print(b'a' < 1)
except TypeError:
    print('TypeError')
print(b'a' == 97)
print(bytes(3) == b'\x00\x00\x00')
