# class variables vs instance variables
class Dog:
    species = 'canis'
    tricks_shared = []
    def __init__(self, name):
        self.name = name
        self.tricks = []
    def add_trick(self, t):
        self.tricks.append(t)
        Dog.tricks_shared.append(t)
d1 = Dog('rex')
d2 = Dog('fido')
d1.add_trick('sit')
d2.add_trick('roll')
print(d1.tricks, d2.tricks, Dog.tricks_shared, d1.tricks_shared is d2.tricks_shared)
print(d1.species, d2.species)
Dog.species = 'wolf'
print(d1.species, d2.species)
d1.species = 'own'
print(d1.species, d2.species, Dog.species)
del d1.species
print(d1.species)
class Counter:
    total = 0
    def inc(self):
        self.total += 1
c1 = Counter()
c2 = Counter()
c1.inc(); c1.inc(); c2.inc()
print(c1.total, c2.total, Counter.total)
class Counter2:
    total = 0
    def inc(self):
        type(self).total += 1
c3 = Counter2()
c4 = Counter2()
c3.inc(); c4.inc()
print(c3.total, c4.total, Counter2.total)
class Config:
    defaults = {'a': 1}
    def __init__(self):
        self.values = dict(self.defaults)
cfg = Config()
cfg.values['a'] = 100
print(Config.defaults, cfg.values)
class Computed:
    base = 10
    doubled = base * 2
    items = [base, doubled]
print(Computed.doubled, Computed.items)
class Sub(Dog):
    species = 'sub'
s = Sub('s')
print(s.species, Dog.species, s.tricks_shared is Dog.tricks_shared)
Dog.new_attr = 'added later'
print(d2.new_attr, s.new_attr)
