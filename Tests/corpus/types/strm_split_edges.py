# str split/rsplit/splitlines/partition/strip edge cases
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


for t in ['', ' ', '  a  b  ', 'a b c d', '\ta\nb\x0bc\x0cd\re ', 'one', 'x  ']:
    for n in (-1, 0, 1, 2, 5):
        print(repr(t), n, t.split(None, n), t.rsplit(None, n))
for t in ['', ',', 'a,b,c', ',a,,b,', 'a,,,b']:
    for n in (-1, 0, 1, 2):
        print(repr(t), n, t.split(',', n), t.rsplit(',', n), t.split(',,', n), t.rsplit(',,', n))
print('a b  c'.split(sep=None, maxsplit=1), 'a b c'.rsplit(maxsplit=1), 'a-b-c'.split(sep='-'))
print('aaa'.split('aa'), 'aaa'.rsplit('aa'), 'aaaa'.split('aa'), 'aaaa'.rsplit('aa', 1))
print('é ü  ö'.split(), 'é ü  ö'.rsplit(None, 1), 'éxüxö'.split('x'), 'éxüxö'.rsplit('x', 1))
print('a\u00a0b\u3000c'.split(), 'a\u2028b'.splitlines(), 'x\x1cy'.split())
chk(lambda: 'a'.split(''))
chk(lambda: 'a'.rsplit(''))
chk(lambda: 'a'.split(1))
chk(lambda: 'a'.partition(''))
chk(lambda: 'a'.rpartition(''))
for t in ['a=b=c', '=', 'abc', '', 'x=', '=y']:
    print(repr(t), t.partition('='), t.rpartition('='))
print('a€b€c'.partition('€'), 'a€b€c'.rpartition('€'))
for t in ['a\nb', 'a\r\nb\rc\n', '\n\r\n\r', 'a\x0bb\x0cc\x1cd\x1de\x1efg', 'no newline']:
    print(repr(t), t.splitlines(), t.splitlines(True), t.splitlines(keepends=True))
print(len('f\x85g\u2029h'.splitlines()), [len(x) for x in 'f\x85g\u2029h'.splitlines(True)])
print(repr(' \t x \n'.strip()), repr('xyx'.strip('xy')), repr('  '.lstrip()), repr('ab'.rstrip('')))
print(repr('\x1f a \x1c'.strip()), repr('\u00a0a\u2003'.strip()), repr('ééaéé'.strip('é')), repr('éaè'.strip('é')))
print(repr('abc'.strip(None)), repr('abc'.lstrip(None)), repr('  x'.rstrip(None)))
chk(lambda: 'abc'.strip(1))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'é€'.replace('', '|'))
print('aaaa'.replace('a', 'bb', 0), 'aaaa'.replace('a', 'b', -1), 'aaaa'.replace('aa', 'x'), 'abab'.replace('ab', ''))
print('abc'.replace('x', 'y'), 'a.b.c'.replace('.', '::', 1), 'ééé'.replace('é', 'e', 2))
chk(lambda: 'abc'.replace('a', 1))
chk(lambda: 'abc'.replace(1, 'a'))
print('-'.join([]), '-'.join(['a']), '-'.join('abc'), ''.join(('x', 'y')), ', '.join(str(i) for i in range(4)))
print('€'.join(['a', 'b', 'c']), '-'.join({'k': 1}), '-'.join(iter(['p', 'q'])))
chk(lambda: '-'.join(['a', 1]))
chk(lambda: '-'.join([b'a']))
chk(lambda: '-'.join(5))
for w in (-1, 0, 3, 4, 5, 6, 7):
    print(repr('abc'.center(w)), repr('ab'.center(w, '*')), repr('é'.center(w, 'ü')))
chk(lambda: 'a'.center(5, 'xy'))
chk(lambda: 'a'.center(5, 1))
chk(lambda: 'a'.center('5'))
