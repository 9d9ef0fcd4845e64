# chr() and ord() for ASCII
for c in 'Aaz09 ~\n\t\x00\x7f':
    print(repr(c), ord(c))
for i in (32, 48, 65, 90, 97, 122, 126):
    print(i, chr(i))
print(''.join(chr(i) for i in range(65, 91)))
print([ord(c) for c in 'hello'])
print(chr(ord('a') + 1), chr(ord('Z') - 25))
print(ord(chr(0)), ord(chr(127)))
print(ord(b'A'.decode()))
print(ord('a') - ord('A'))


def caesar(s, k):
    out = ''
    for c in s:
        if 'a' <= c <= 'z':
            out += chr((ord(c) - 97 + k) % 26 + 97)
        else:
            out += c
    return out


print(caesar('hello world', 3))
print(caesar(caesar('hello world', 3), 23))
print(type(chr(65)).__name__, type(ord('A')).__name__)
