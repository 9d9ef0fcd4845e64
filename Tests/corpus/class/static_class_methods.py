# staticmethod and classmethod
class Math:
    factor = 10
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def scaled(cls, v):
        return v * cls.factor
    @classmethod
    def make(cls):
        return cls()
    def inst(self):
        return self.add(1, 2), self.scaled(3)
print(Math.add(2, 3), Math().add(4, 5))
print(Math.scaled(2), Math().scaled(3))
print(type(Math.make()).__name__)
print(Math().inst())
class Sub(Math):
    factor = 100
print(Sub.scaled(2), type(Sub.make()).__name__, Sub.add(1, 1))
class Registry:
    items = []
    @classmethod
    def register(cls, x):
        cls.items.append(x)
        return len(cls.items)
print(Registry.register('a'), Registry.register('b'), Registry.items)
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = s.split('-')
        return cls(int(y), int(m), int(d))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return 'Date(%d, %d, %d)' % (self.y, self.m, self.d)
print(Date.from_string('2024-02-29'))
print([Date.is_leap(y) for y in (1900, 2000, 2023, 2024)])
class Explicit:
    def helper(x):
        return x * 2
    helper = staticmethod(helper)
    def ctor(cls):
        return cls.__name__
    ctor = classmethod(ctor)
print(Explicit.helper(21), Explicit.ctor(), Explicit().helper(1))
f = Math.add
print(f(10, 20))
g = Math.scaled
print(g(7))
class Child(Date):
    pass
c = Child.from_string('2000-1-1')
print(type(c).__name__, c)
