# properties with getter, setter and deleter
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v
    @celsius.deleter
    def celsius(self):
        print('deleting')
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 // 5 + 32
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 5
except AttributeError:
    print('AttributeError read-only property')
del t.celsius
print(t.celsius)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed)
def get_x(self):
    return self._x * 2
def set_x(self, v):
    self._x = v
class Old:
    x = property(get_x, set_x)
o = Old()
o.x = 5
print(o.x, o._x)
class RO:
    @property
    def name(self):
        return 'fixed'
r = RO()
try:
    del r.name
except AttributeError:
    print('AttributeError cannot delete')
class Sub(Temp):
    @property
    def kelvin(self):
        return self.celsius + 273
s = Sub(27)
print(s.kelvin, s.celsius)
s.celsius = 7
print(s.kelvin)
class Counter:
    def __init__(self):
        self._n = 0
    @property
    def n(self):
        return self._n
    @n.setter
    def n(self, v):
        self._n = max(0, v)
c = Counter()
c.n = 5
c.n -= 10
print(c.n)
c.n += 3
print(c.n)
