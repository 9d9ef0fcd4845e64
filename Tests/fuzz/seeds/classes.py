class Meta(type):
    def __new__(m, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(m, name, bases, ns)

class Base(metaclass=Meta):
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, Base) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * self.v
    def __iter__(self):
        return iter([self.v] * 2)

class Child(Base):
    def __init__(self, v):
        super().__init__(v + 1)
    @property
    def double(self):
        return self.v * 2
    @staticmethod
    def s():
        return 'static'
    @classmethod
    def c(cls):
        return cls.__name__

c = Child(1)
print(c.tag, c.v, c.double, Child.s(), Child.c(), len(c), list(c), c[1], {c, Child(1)})
class E(Exception):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = a
try:
    raise E(1, 2)
except E as e:
    print(e.args, e.extra)
class Slots:
    __slots__ = ('a',)
s = Slots()
s.a = 1
print(s.a)
class Num(int):
    def __add__(self, o):
        return Num(int(self) - o)
print(Num(5) + 3)
class L(list):
    def append(self, x):
        super().append(x * 2)
l = L()
l.append(4)
print(l)
class D(dict):
    def __missing__(self, k):
        return k
print(D()['q'])
