# reflected arithmetic special methods
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'N(%r)' % self.v
    def __radd__(self, o):
        return N(o + self.v)
    def __rsub__(self, o):
        return N(o - self.v)
    def __rmul__(self, o):
        return N(o * self.v)
    def __rtruediv__(self, o):
        return N(o / self.v)
    def __rfloordiv__(self, o):
        return N(o // self.v)
    def __rmod__(self, o):
        return N(o % self.v)
    def __rpow__(self, o):
        return N(o ** self.v)
    def __rand__(self, o):
        return N(o & self.v)
    def __ror__(self, o):
        return N(o | self.v)
    def __rxor__(self, o):
        return N(o ^ self.v)
    def __rlshift__(self, o):
        return N(o << self.v)
    def __rrshift__(self, o):
        return N(o >> self.v)
n = N(4)
print(10 + n)
print(10 - n)
print(10 * n)
print(10 / n)
print(10 // n)
print(10 % n)
print(2 ** n)
print(12 & n)
print(1 | n)
print(5 ^ n)
print(1 << n)
print(64 >> n)
print(2.5 + n)
print('x' * N(3) if False else 'skip str')
print(sum([N(1), N(2)]) if False else 'skip')
print(0 + N(1))
class Both:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return 'add(%s, %s)' % (self.v, getattr(o, 'v', o))
    def __radd__(self, o):
        return 'radd(%s, %s)' % (o, self.v)
print(Both(1) + 2)
print(2 + Both(1))
print(Both('a') + Both('b'))
class Left:
    def __add__(self, o):
        return NotImplemented
class Right:
    def __radd__(self, o):
        return 'Right.__radd__ used'
print(Left() + Right())
class Total:
    def __init__(self, v=0):
        self.v = v
    def __radd__(self, o):
        return Total(o + self.v)
    def __add__(self, o):
        return Total(self.v + (o.v if isinstance(o, Total) else o))
print(sum([Total(1), Total(2), Total(3)]).v)
