# single inheritance
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '%s says %s' % (self.name, self.sound)
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def kind(self):
        return 'dog'
class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age
    def speak(self):
        return Animal.speak(self) + ' (age %d)' % self.age
a = Animal('generic')
d = Dog('rex')
p = Puppy('bit', 1)
for x in (a, d, p):
    print(x.speak(), x.kind())
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog))
print(issubclass(Dog, object), isinstance(d, object))
print(Puppy.sound, Puppy.kind(p))
class Base:
    def template(self):
        return '[' + self.hook() + ']'
    def hook(self):
        return 'base'
class Derived(Base):
    def hook(self):
        return 'derived'
print(Base().template(), Derived().template())
class A:
    x = 1
class B(A):
    pass
class C(B):
    x = 3
print(A.x, B.x, C.x)
A.x = 10
print(A.x, B.x, C.x)
class Shape:
    def area(self):
        raise NotImplementedError
    def describe(self):
        return '%s with area %s' % (type(self).__name__, self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Square(3).describe())
try:
    Shape().describe()
except NotImplementedError:
    print('NotImplementedError')
print(type(p).__name__, isinstance(p, (int, Animal)))
