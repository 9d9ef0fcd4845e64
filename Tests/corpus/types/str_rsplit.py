# str.rsplit with an explicit separator and maxsplit
s = 'a,b,c,d,e'
print(s.rsplit(','))
for n in (-1, 0, 1, 2, 3, 4, 5, 10):
    print(n, s.rsplit(',', n))
print('a b c'.rsplit())
print('  a  b  c  '.rsplit())
print('k=v=w'.rsplit('=', 1))
print('x::y::z'.rsplit('::', 1))
print('path/to/some/file.txt'.rsplit('/', 1))
print('file.tar.gz'.rsplit('.', 1))
print('noext'.rsplit('.', 1))
print(''.rsplit(','))
print(''.rsplit(',', 1))
print(',a,'.rsplit(',', 1))
print('aaa'.rsplit('a', 1))
print('aaaa'.rsplit('aa', 1))
print('a€b€c'.rsplit('€', 1))
print('1.2.3.4'.rsplit('.', 2))
try:
    'abc'.rsplit('')
except ValueError:
    print('ValueError')
try:
    'abc'.rsplit('', 1)
except ValueError:
    print('ValueError')
