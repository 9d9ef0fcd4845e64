# user-defined descriptors (__get__ / __set__)
class Typed:
    def __init__(self, name, kind):
        self.name = '_' + name
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('bad type')
        setattr(obj, self.name, value)
class Person:
    name = Typed('name', str)
    age = Typed('age', int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person('ann', 30)
print(p.name, p.age)
p.age = 31
print(p.age)
try:
    p.age = 'old'
except TypeError as e:
    print(e)
print(isinstance(Person.name, Typed))
class Const:
    def __init__(self, v):
        self.v = v
    def __get__(self, obj, objtype=None):
        return self.v
class K:
    c = Const(10)
print(K.c, K().c)
class Counter:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class R:
    n = Counter()
r = R()
print(r.n, r.n, R.n)
