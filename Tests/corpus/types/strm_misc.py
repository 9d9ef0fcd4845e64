# str case, class tests, encode and method misuse
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


for t in ['', 'abc', 'ABC', 'a1B2', '123', ' ', '\t\n', 'Hello World', 'x_y', 'ABC def', '1A', '1a', '!']:
    print(repr(t), t.lower(), t.upper(), t.isalpha(), t.isdigit(), t.isspace(), t.islower(), t.isupper())
print('x\x1c'.isspace(), '\x1f'.isspace(), '\x00'.isspace(), ''.isspace())
print('hello'.upper().lower(), 'MiXeD 123'.swapcase() if hasattr(str, 'swapcase') else 'mIxEd 123')
print('abc'.encode(), ''.encode(), 'é'.encode('utf-8'), 'x'.encode('utf8'), type('a'.encode()).__name__)
print(str.upper('abc'), str.split('a b'), str.join(',', ['1', '2']), str.find('abc', 'c'))
chk(lambda: str.upper(1))
chk(lambda: 'abc'.upper(1))
chk(lambda: 'abc'.find())


class S(str):
    pass


s = S('a,b,c')
print(s.split(','), s.upper(), s.find('b'), ','.join([s, S('x')]), 'a'.startswith(S('a')))
print(type(s.upper()).__name__, type(s.split(',')[0]).__name__)
words = 'the quick brown fox jumps over the lazy dog'.split()
print(' '.join(w.upper() for w in words if len(w) > 3))
print(sorted(set('mississippi'.split('s'))))
print([line.strip().split('=') for line in 'a = 1\nb= 2\n c =3'.splitlines()])
big = 'ab' * 1000
print(big.count('ab'), big.find('ba', 500), big.rfind('ab'), len(big.replace('a', 'xyz')), len(big.split('b')))
print(len(' '.join(['word'] * 500).split()), big.upper()[:6], big.center(2004)[:4])
