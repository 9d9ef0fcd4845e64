# hasattr() and delattr()
class C:
    cls_attr = 'c'

    def __init__(self):
        self.inst = 'i'

    def meth(self):
        return 1


c = C()
print(hasattr(c, 'inst'), hasattr(c, 'cls_attr'), hasattr(c, 'meth'))
print(hasattr(c, 'nope'), hasattr(C, 'inst'), hasattr(C, 'cls_attr'))
print(hasattr('s', 'upper'), hasattr('s', 'nope'))
print(hasattr([], 'append'), hasattr({}, 'keys'), hasattr(1, 'to_bytes'))
print(hasattr(None, 'x'))
delattr(c, 'inst')
print(hasattr(c, 'inst'))
c.extra = 5
print(hasattr(c, 'extra'))
del c.extra
print(hasattr(c, 'extra'))
try:
    delattr(c, 'inst')
except AttributeError:
    print('AttributeError')
try:
    delattr(c, 'never')
except AttributeError:
    print('AttributeError')
try:
    del c.never
except AttributeError:
    print('AttributeError')
delattr(C, 'cls_attr')
print(hasattr(c, 'cls_attr'), hasattr(C, 'cls_attr'))
setattr(c, 'dyn', 1)
print(hasattr(c, 'dyn'))
delattr(c, 'dyn')
print(hasattr(c, 'dyn'))
try:
    hasattr(c, 1)
except TypeError:
    print('TypeError')


class Prop:
    @property
    def boom(self):
        raise AttributeError('no')

    @property
    def ok(self):
        return 1


print(hasattr(Prop(), 'boom'), hasattr(Prop(), 'ok'))
print(hasattr(C, 'meth'), hasattr(c, '__init__'))
names = ['inst', 'meth', 'zzz', '__init__']
print([hasattr(c, n) for n in names])
c.inst = 'restored'
print(hasattr(c, 'inst'), c.inst)
print(hasattr(c, 'meth') and c.meth() == 1)
