# str.center(width): odd-length strings, and even-length strings in even widths
for w in range(0, 12):
    print(repr('abc'.center(w)))
for w in (0, 2, 4, 6, 8, 10):
    print(repr('abcd'.center(w)))
print(repr(''.center(4)))
print(repr('x'.center(1)))
print(repr('x'.center(2)))
print(repr('x'.center(3)))
print(repr('hello world'.center(21)))
print(repr('a'.center(-5)))
print('[' + 'title'.center(21) + ']')
for s in ('a', 'abc', 'abcde'):
    print('|' + s.center(7) + '|')
for s in ('', 'ab', 'abcd'):
    print('|' + s.center(8) + '|')
print(repr(b'abc'.center(7)))
print(repr(b'ab'.center(6)))
