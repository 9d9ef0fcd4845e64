# comparison special methods
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __ne__(self, o):
        return self.parts != o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __repr__(self):
        return 'v' + '.'.join(str(p) for p in self.parts)
a = Ver(1, 2)
b = Ver(1, 10)
c = Ver(1, 2)
print(a == c, a != c, a == b, a != b)
print(a < b, a <= b, a > b, a >= b)
print(a <= c, a >= c, a < c, a > c)
print(sorted([Ver(2), Ver(1, 5), Ver(1), Ver(1, 0, 1)]))
print(max(a, b), min(a, b))
print(a < b < Ver(2))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(1), EqOnly(1) == EqOnly(2), EqOnly(1) != EqOnly(2))
print(EqOnly(1) == 1)
print(EqOnly(3) in [EqOnly(1), EqOnly(3)])
print([EqOnly(1), EqOnly(2)].index(EqOnly(2)), [EqOnly(1), EqOnly(1)].count(EqOnly(1)))
class NoCmp:
    pass
x = NoCmp()
print(x == x, x != x, x == NoCmp())
try:
    x < NoCmp()
except TypeError:
    print('TypeError no ordering')
class LtOnly:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(sorted([LtOnly(3), LtOnly(1), LtOnly(2)], key=lambda z: z.v)[0].v)
print([o.v for o in sorted([LtOnly(3), LtOnly(1), LtOnly(2)])])
class Weird:
    def __eq__(self, o):
        return 'truthy string'
print(Weird() == 1)
if Weird() == 2:
    print('truthy comparison result used')
class Always:
    def __lt__(self, o):
        return True
    def __gt__(self, o):
        return True
print(Always() < 5, Always() > 5)
