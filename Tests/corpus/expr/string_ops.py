# string operators
s = 'abc'
print(s + 'def')
print(s * 3)
print(2 * s)
print(s * 0, s * -1)
print(s[0], s[-1], s[1:])
print(s < 'abd', s > 'ab', s == 'abc', s != 'ABC')
print('Z' < 'a')
print('' < 'a')
print('abc' < 'abcd')
print(len(s + s))
t = s
t += 'x'
print(s, t)
print('%s-%s' % ('a', 'b'))
print('a' 'b' 'c' == 'abc')
print(str(1) + str(2))
print('ab' in 'cabd')
print(''.join(['x', 'y', 'z']))
print('-'.join('abc'))
print(max('hello'), min('hello'))
print(sorted('cba'))
print('abc'[::-1] * 2)
print(ord('a') + 1, chr(ord('a') + 1))
print('x' * 3 + 'y' * 2)
print(('a' + 'b') * 2)
try:
    print('a' + 1)
except TypeError:
    print('TypeError')
try:
    print('a' * 'b')
except TypeError:
    print('TypeError')
try:
    print('a' - 'b')
except TypeError:
    print('TypeError')
print(repr('it\'s'), repr("q\"q"), repr('tab\t'), repr('nl\n'))
print('\x41\x42', '\101', '\u00e9' == 'é')
print(len('\n\t\\'))
print(r'\n' + 'x', len(r'\n'))
print("""triple
quoted""")
