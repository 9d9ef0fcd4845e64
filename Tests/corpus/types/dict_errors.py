# dict error cases
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


d = {'a': 1}
chk(lambda: d['b'])
chk(lambda: d[0])
chk(lambda: d[None])
chk(lambda: d[[1]])
chk(lambda: d.pop('b'))
chk(lambda: {}.popitem())
chk(lambda: d + d)
chk(lambda: d * 2)
chk(lambda: d < d)
chk(lambda: d.nosuch)
chk(lambda: dict(1, 2))
chk(lambda: dict([1]))
chk(lambda: d.get())
chk(lambda: d.update(1))
chk(lambda: hash(d))
chk(lambda: {d: 1})
chk(lambda: sorted({1: 'a', 'b': 2}))


def del_missing():
    del d['zzz']


chk(del_missing)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e.args)
try:
    {}.pop(42)
except KeyError as e:
    print('KeyError', e.args)
try:
    {(1, 2): 0}[(3, 4)]
except KeyError as e:
    print('KeyError', e.args)
try:
    d['x']
except LookupError:
    print('caught as LookupError')
print(d)
