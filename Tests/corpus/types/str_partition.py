# str.partition and str.rpartition
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


s = 'key=value=more'
print(s.partition('='))
print(s.rpartition('='))
print(s.partition('=='))
print(s.rpartition('=='))
print(s.partition('key'))
print(s.partition('more'))
print(s.rpartition('key'))
print(s.partition('x'))
print(s.rpartition('x'))
print(''.partition('a'))
print(''.rpartition('a'))
print('abc'.partition('abc'))
print('abc'.rpartition('abc'))
print('a b c'.partition(' '))
print('a b c'.rpartition(' '))
print('héllo wörld'.partition(' '))
print('a€b€c'.rpartition('€'))
print('a::b::c'.partition('::'))
print('a::b::c'.rpartition('::'))
head, sep, tail = 'user@example.com'.partition('@')
print(head, sep, tail)
print(type('a'.partition('a')).__name__)
chk(lambda: 'abc'.partition(''))
chk(lambda: 'abc'.rpartition(''))
chk(lambda: 'abc'.partition(None))
chk(lambda: 'abc'.partition(1))
for t in ('path/to/file.txt', 'file.tar.gz', 'noext', '.hidden'):
    print(t.rpartition('.'), t.partition('/'))
