# str.split with maxsplit given positionally
s = 'a,b,c,d,e'
for n in (-1, 0, 1, 2, 3, 4, 5, 10):
    print(n, s.split(',', n))
t = '  a  b  c  '
for n in (0, 1, 2, 5):
    print(n, t.split(None, n))
print('k=v=w'.split('=', 1))
print('a b c'.split(' ', 1))
print('x::y::z'.split('::', 1))
print(''.split(',', 1))
print(''.split(None, 1))
print('no-sep'.split(',', 3))
print('   lead'.split(None, 1))
print('trail   '.split(None, 1))
print('a  b'.split(' ', 1))
line = 'GET /index.html HTTP/1.1'
method, rest = line.split(' ', 1)
print(method, rest)
print('1:2:3:4'.split(':', 2))
print('a b c d'.split(None, 2))
print('é,ü,ö'.split(',', 1))
