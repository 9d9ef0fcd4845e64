# strings are immutable: item assignment and deletion fail
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


s = 'abc'


def set_item():
    s[0] = 'x'


def del_item():
    del s[0]


def set_attr():
    s.foo = 1


chk(set_item)
chk(del_item)
chk(set_attr)
t = s
t += 'd'
print(s, t)
u = s.upper()
print(s, u)
v = s.replace('a', 'z')
print(s, v)
w = s
print(w is s, w == s)
lst = list(s)
lst[0] = 'x'
print(''.join(lst), s)
print(s[:1] + 'X' + s[2:])
print(s.strip() == s)
print(hash(s) == hash('ab' + 'c'))
d = {s: 1}
print(d['abc'])
chk(lambda: s.append('d'))
chk(lambda: s.sort())
print(s.center(7), s)
for m in ('upper', 'lower', 'strip', 'split'):
    r = getattr(s, m)()
    print(m, r, s)
x = 'a'
y = x
x = x + 'b'
print(x, y)
print(s * 2, s)
print(sorted(s, reverse=True), s)
