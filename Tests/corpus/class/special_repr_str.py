# __repr__ and __str__
class Both:
    def __repr__(self):
        return 'Both()'
    def __str__(self):
        return 'both as str'
class ReprOnly:
    def __repr__(self):
        return 'ReprOnly<1>'
class StrOnly:
    def __str__(self):
        return 'just str'
b = Both()
print(b)
print(str(b), repr(b))
print([b], (b,), {'k': b})
print('%s %r' % (b, b))
print('{} {!r}'.format(b, b))
print(f'{b} {b!r}')
r = ReprOnly()
print(r, str(r), repr(r), [r])
s = StrOnly()
print(s, str(s))
print(str([s]).startswith('[<'))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)
print(Point(1, 2), [Point(0, 0), Point('a', 1.5)])
print(repr(Point('s', None)))
class Nested:
    def __init__(self, inner):
        self.inner = inner
    def __repr__(self):
        return 'Nested(%r)' % (self.inner,)
print(Nested(Nested(Point(1, 1))))
print(Nested([1, 'x']))
class Sub(Both):
    pass
print(Sub(), repr(Sub()))
class SubOverride(Both):
    def __str__(self):
        return 'sub str'
print(SubOverride(), repr(SubOverride()))
print(str(ReprOnly()) == repr(ReprOnly()))
class E(Exception):
    def __str__(self):
        return 'custom exception text'
print(E('ignored'))
try:
    raise E
except E as e:
    print(str(e))
