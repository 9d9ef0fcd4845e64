# multiple inheritance (diamond-free)
class Flyer:
    def fly(self):
        return 'flying'
    def move(self):
        return 'fly-move'
class Swimmer:
    def swim(self):
        return 'swimming'
    def move(self):
        return 'swim-move'
class Duck(Flyer, Swimmer):
    pass
class Fish(Swimmer):
    pass
class Penguin(Swimmer, Flyer):
    def fly(self):
        return 'cannot fly'
d = Duck()
print(d.fly(), d.swim(), d.move())
p = Penguin()
print(p.fly(), p.swim(), p.move())
print(isinstance(d, Flyer), isinstance(d, Swimmer), isinstance(Fish(), Flyer))
print(issubclass(Duck, Flyer), issubclass(Duck, Swimmer), issubclass(Penguin, Duck))
class Named:
    def __init__(self, name):
        self.name = name
class Aged:
    def set_age(self, age):
        self.age = age
        return self
class Person(Named, Aged):
    def info(self):
        return '%s:%d' % (self.name, self.age)
print(Person('ann').set_age(30).info())
class MixinA:
    tag = 'A'
    def a(self):
        return 'a'
class MixinB:
    tag = 'B'
    def b(self):
        return 'b'
class Both(MixinA, MixinB):
    pass
class BothRev(MixinB, MixinA):
    pass
print(Both().tag, BothRev().tag, Both().a() + Both().b())
class Base1:
    def who(self):
        return 'base1'
class Left(Base1):
    pass
class Other:
    def who(self):
        return 'other'
    def only_other(self):
        return 'only other'
class Combined(Left, Other):
    pass
c = Combined()
print(c.who(), c.only_other())
class Reprable:
    def __repr__(self):
        return '<%s>' % type(self).__name__
class Comparable:
    def __eq__(self, other):
        return type(self) is type(other)
class Thing(Reprable, Comparable):
    pass
print(repr(Thing()), Thing() == Thing(), Thing() == 5)
print(isinstance(c, (Other, int)), isinstance(5, (Other, int)), isinstance('s', (Other, int)))
