# str find/rfind/index/rindex/count/startswith/endswith with start/end edge cases
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


s = 'abcabcab'
for args in [(), (0,), (1,), (3,), (-1,), (-3,), (-100,), (8,), (9,), (100,),
             (0, 3), (1, -1), (2, 2), (5, 2), (-5, -2), (0, 100), (None, 4), (2, None), (None, None)]:
    print(args, s.find('ab', *args), s.rfind('ab', *args), s.count('ab', *args),
          s.find('', *args), s.rfind('', *args), s.count('', *args),
          s.startswith('ab', *args), s.endswith('ab', *args),
          s.startswith('', *args), s.endswith('', *args))
u = 'héllo wörld ünïcode'
for args in [(), (2,), (-5,), (3, 9), (30,), (-30, 4), (8, 3)]:
    print(args, u.find('l', *args), u.rfind('l', *args), u.count('l', *args),
          u.find('', *args), u.rfind('', *args), u.count('', *args),
          u.startswith('l', *args), u.endswith('d', *args), u.startswith(('x', 'ö'), *args))
print(u.find('ö'), u.index('ü'), u.rindex('l'), u.rfind('é'))
chk(lambda: 'abc'.index('d'))
chk(lambda: 'abc'.rindex('d'))
chk(lambda: 'abc'.index('a', 1))
chk(lambda: 'abc'.find(1))
chk(lambda: 'abc'.count(None))
chk(lambda: 'abc'.startswith(1))
chk(lambda: 'abc'.startswith(('a', 1)))
chk(lambda: 'abc'.endswith(['c']))
print('abc'.startswith(()), 'abc'.endswith(('x', 'bc')))
print('aaaa'.count('aa'), 'aaaaa'.count('aa'), ''.count(''), ''.count('a'), 'ab'.count(''))
print(''.find(''), ''.find('', 1), 'a'.find('', 1), 'a'.rfind('', 1), 'a'.find('', 2))
print('mississippi'.find('ss', 3), 'mississippi'.rfind('ss', 0, 5), 'mississippi'.rindex('i', 0, -1))
print('a\x00b\x00'.find('\x00'), 'a\x00b\x00'.rfind('\x00'))
print('€€€'.count('€', 1), '€€€'.find('€', -1), '😀a😀'.rfind('😀'), '😀a😀'.count('a😀'))
print('abc'.find('c', -2 ** 70), 'abc'.find('c', 2 ** 70), 'abc'.count('b', -2 ** 70, 2 ** 70), 'abc'.startswith('a', -2 ** 70))
chk(lambda: 'a'.replace('a', 'b', None))
chk(lambda: 'a'.splitlines(None))
