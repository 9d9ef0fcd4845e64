# class-level bookkeeping with class attributes and classmethods
class Shape:
    registry = []
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
        self.id = Shape.count
        type(self).registry.append(self)
    @classmethod
    def names(cls):
        return [s.name for s in cls.registry]
    def __repr__(self):
        return '%s#%d(%s)' % (type(self).__name__, self.id, self.name)
class Circle(Shape):
    registry = []
class Square(Shape):
    pass
Circle('c1'); Square('s1'); Circle('c2'); Shape('base')
print(Shape.count, Circle.count, Square.count)
print(Circle.names())
print(Shape.names())
print(Square.registry is Shape.registry, Circle.registry is Shape.registry)
print(Circle.registry)
print(Shape.registry)
class Auto:
    _next = 1
    def __init__(self):
        self.n = Auto._next
        Auto._next += 1
print([Auto().n for _ in range(4)])
