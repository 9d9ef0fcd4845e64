# dict() constructor forms
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print(dict())
print(dict(a=1, b=2))
print(dict([(1, 2), (3, 4)]))
print(dict([('x', 1)], y=2))
print(dict({'k': 'v'}))
print(dict({'k': 'v'}, k2='v2'))
print(dict(zip('abc', range(3))))
print(dict(zip(['one', 'two'], [1, 2])))
print(dict([['l', 'ist']]))
print(dict(((1, 'a'), (2, 'b'))))
print(dict(['ab', 'cd']))
print(dict((k, k * k) for k in range(4)))
print(dict(enumerate('xyz')))
print(dict([(1, 'first'), (1, 'second')]))
src = {'a': 1}
cp = dict(src)
cp['b'] = 2
print(src, cp)
chk(lambda: dict([1, 2]))
chk(lambda: dict([(1, 2, 3)]))
chk(lambda: dict([(1,)]))
chk(lambda: dict(5))
chk(lambda: dict(['abc']))
print({k: v for k, v in [('p', 1), ('q', 2)]})
print(dict.fromkeys(['a', 'b']))
print(type(dict()).__name__)
