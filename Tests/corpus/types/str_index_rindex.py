# str.index / str.rindex: like find but raise ValueError
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


s = 'abracadabra'
chk(lambda: s.index('a'))
chk(lambda: s.rindex('a'))
chk(lambda: s.index('bra'))
chk(lambda: s.rindex('bra'))
chk(lambda: s.index('cad'))
chk(lambda: s.index('z'))
chk(lambda: s.rindex('z'))
chk(lambda: s.index('a', 1))
chk(lambda: s.index('a', 1, 3))
chk(lambda: s.index('a', 1, 3))
chk(lambda: s.index('c', 5))
chk(lambda: s.rindex('a', 0, 5))
chk(lambda: s.rindex('a', 0, 4))
chk(lambda: s.rindex('b', 2, 8))
chk(lambda: s.index(''))
chk(lambda: s.rindex(''))
chk(lambda: s.index('', 4))
chk(lambda: s.index('a', -1))
chk(lambda: s.index('a', -2))
chk(lambda: ''.index('a'))
chk(lambda: ''.index(''))
chk(lambda: 'héllo'.index('l'))
chk(lambda: 'héllo'.rindex('l'))
chk(lambda: 'héllo'.index('é'))
chk(lambda: 'a€b€c'.rindex('€'))
chk(lambda: s.index(5))
for sub in ('a', 'b', 'r', 'c', 'd', 'ra', 'abra'):
    print(sub, s.index(sub), s.rindex(sub), s.find(sub) == s.index(sub))
