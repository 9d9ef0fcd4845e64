# str.format edge cases: numbering, attributes, indexing, conversions, nested specs, errors
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


class P:
    x = 3
    y = [10, 20]
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'p-str'


class F:
    def __format__(self, spec):
        return 'F[' + spec + ']'


p = P()
print('{0.x} {0.y[1]} {0.y}'.format(p))
print('{.x}-{}'.format(p, 7))
print('{[1]}'.format([5, 6]), '{0[0]}{0[2]}'.format('abc'), '{d[k]} {d[1]}'.format(d={'k': 'v', 1: 'one'}))
print('{0[k]}'.format({'k': 1}), '{a[0][1]}'.format(a=[[1, 2]]))
print('{!r} {!s} {!a}'.format(p, p, 'é€😀'), '{0!r:>8}|{0!s:<8}|'.format('ab'))
print('{:{}}|{:{}.{}f}|{:{w}}|'.format('x', 4, 3.14159, 10, 2, 'y', w=3))
print('{0:{1}{2}}'.format(42, '>', 6), '{:{fill}^{width}}'.format('mid', fill='*', width=9))
print('{}'.format(F()), '{:abc}'.format(F()), '{0:{1}}'.format(F(), 'n'))
print('{}{}'.format(p, [p]), '{:>6}'.format(p) if False else 'skip', '{:}'.format(None))
print('{{}}'.format(), '{{{}}}'.format(1), '}}{{'.format(), 'a{{b}}c'.format())
print('{0}{1}{0}'.format('x', 'y'), '{0}'.format(*range(5)), '{4}'.format(*range(5)))
print('{:d} {:5.1f} {:x} {:,}'.format(True, 2, 255, 10 ** 7), '{:>5}'.format(True))
print('{}'.format('é'), '{:^7}'.format('日本'), '{:é>4}'.format(1))
print('{x}{y}'.format(**{'x': 1, 'y': 2}), '{x}'.format(x='{y}'), '{_}{a1}'.format(_=0, a1=1))
print('{0[-1]}'.format({'-1': 'neg'}), '{0[ ]}'.format({' ': 'space'}))
chk(lambda: '{'.format())
chk(lambda: '}'.format())
chk(lambda: 'a}b'.format())
chk(lambda: '{0'.format(1))
chk(lambda: '{0!}'.format(1))
chk(lambda: '{0!x}'.format(1))
chk(lambda: '{0!rr}'.format(1))
chk(lambda: '{} {}'.format(1))
chk(lambda: '{1}'.format(1))
chk(lambda: '{0} {}'.format(1, 2))
chk(lambda: '{} {0}'.format(1, 2))
chk(lambda: '{a}'.format(b=1))
chk(lambda: '{0.nope}'.format(1))
chk(lambda: '{0.}'.format(1))
chk(lambda: '{0[}'.format(1))
chk(lambda: '{0[0]x}'.format([1]))
chk(lambda: '{0[5]}'.format([1]))
chk(lambda: '{:d}'.format('s'))
chk(lambda: '{:{}{}}'.format(1))
chk(lambda: '{:{:{}}}'.format(1, 2, 3))
chk(lambda: '{a{b}}'.format(1))
chk(lambda: str.format(1))
print('{:*^{w}}|'.format('t', w=5), '{:.{p}}'.format('abcdef', p=3), '{:{}<{}}'.format('z', '-', 4))
rows = [('apple', 1.5, 3), ('kiwi', 0.25, 12)]
for r in rows:
    print('{:<8}|{:>6.2f}|{:03d}'.format(*r))
chk(lambda: '{99999999999999999999}'.format(1))
chk(lambda: '{0[99999999999999999999]}'.format({}))
print('{0[99]}'.format({99: 'int key'}), '{0[9a]}'.format({'9a': 'str key'}))
