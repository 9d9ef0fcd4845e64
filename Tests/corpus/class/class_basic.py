# basic class definition and instantiation
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.dist2())
q = p.moved(1, 1)
print(q.x, q.y, p.x)
print(type(p).__name__, type(p) is Point, isinstance(p, Point))
class Empty:
    pass
e = Empty()
e.anything = 5
print(e.anything)
print(Point.dist2(p))
m = p.dist2
print(m())
p.x = 0
print(m())
class WithClassAttr:
    kind = 'cls'
    count = 0
    def __init__(self):
        WithClassAttr.count += 1
a = WithClassAttr()
b = WithClassAttr()
print(WithClassAttr.count, a.kind, b.kind)
a.kind = 'inst'
print(a.kind, b.kind, WithClassAttr.kind)
print(hasattr(p, 'x'), hasattr(p, 'z'), getattr(p, 'y'), getattr(p, 'z', 'dflt'))
setattr(p, 'z', 9)
print(p.z)
delattr(p, 'z')
print(hasattr(p, 'z'))
try:
    p.missing
except AttributeError:
    print('AttributeError')
class NoInit:
    v = 1
n = NoInit()
print(n.v)
try:
    NoInit(1)
except TypeError:
    print('TypeError args to object init')
class Chain:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
c = Chain().add(1).add(2).add(3)
print(c.items)
print(Point.__name__)
print(p.__class__ is Point, p.__class__.__name__)
