# classes defined inside functions and class decorators
def make_class(base_value):
    class Local:
        value = base_value
        def get(self):
            return self.value
    return Local
A = make_class(1)
B = make_class(2)
print(A().get(), B().get(), A is B, A.__name__)
def counter_class():
    count = 0
    class Counter:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return Counter
K = counter_class()
k1, k2 = K(), K()
print(k1.inc(), k2.inc(), k1.inc())
def add_repr(cls):
    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % (k, getattr(self, k)) for k in self.fields))
    cls.__repr__ = __repr__
    return cls
@add_repr
class P:
    fields = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(P(1, 'two'))
registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco
@register('circle')
class Circle:
    pass
@register('square')
class Square:
    pass
print(sorted(registry), registry['circle'] is Circle)
def class_in_loop():
    classes = []
    for i in range(3):
        class X:
            idx = i
        classes.append(X)
    return [c.idx for c in classes]
print(class_in_loop())
class Outer:
    class Inner:
        def hi(self):
            return 'inner hi'
    def make(self):
        return self.Inner()
print(Outer().make().hi(), Outer.Inner().hi())
class Body:
    print('class body runs at definition')
    x = 1
    for i in range(3):
        x *= 2
    del i
print(Body.x)
