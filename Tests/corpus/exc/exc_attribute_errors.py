# AttributeError situations
class C:
    x = 1
    def __init__(self):
        self.y = 2
c = C()
for name in ['x', 'y', 'z', '__init__']:
    try:
        getattr(c, name)
        print(name, 'found')
    except AttributeError:
        print(name, 'AttributeError')
print(hasattr(c, 'z'), getattr(c, 'z', 'fallback'))
targets = [1, 'str', [1], (1,), None, 1.5, {}, C]
for t in targets:
    try:
        t.nonexistent
    except AttributeError:
        print(type(t).__name__, 'AttributeError')
try:
    (1).real = 5
except AttributeError:
    print('cannot set attribute on int')
try:
    [].x = 1
except AttributeError:
    print('cannot set attribute on list')
class Prop:
    @property
    def p(self):
        raise AttributeError('inside property')
try:
    Prop().p
except AttributeError as e:
    print('property raised', e)
print(hasattr(Prop(), 'p'))
class G:
    def __getattr__(self, n):
        raise AttributeError('G has no ' + n)
try:
    G().thing
except AttributeError as e:
    print(e)
print(getattr(G(), 'thing', 'default via getattr'))
