# getattr() and setattr() on instances, classes, and builtins
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(getattr(p, 'x'), getattr(p, 'y'))
print(getattr(p, 'dims'), getattr(Point, 'dims'))
print(getattr(p, 'z', 'default'))
print(getattr(p, 'z', None))
print(getattr(p, 'norm1')())
setattr(p, 'x', 10)
print(p.x)
setattr(p, 'z', 'new attr')
print(p.z, getattr(p, 'z'))
setattr(Point, 'dims', 3)
print(p.dims, Point(0, 0).dims)
for name in ('x', 'y', 'z'):
    print(name, getattr(p, name))
print(getattr('abc', 'upper')())
print(getattr([1, 2], 'count')(1))
print(getattr(str, 'join')(',', ['a', 'b']))
try:
    getattr(p, 'missing')
except AttributeError:
    print('AttributeError')
try:
    getattr(p, 5)
except TypeError:
    print('TypeError')
try:
    setattr(5, 'attr', 1)
except AttributeError:
    print('AttributeError')
try:
    setattr([], 'attr', 1)
except AttributeError:
    print('AttributeError')
print(setattr(p, 'w', 0))
attrs = {'a': 1, 'b': 2}
obj = Point(0, 0)
for k, v in attrs.items():
    setattr(obj, k, v)
print(obj.a, obj.b)
