# a complete numeric class: fractions
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError('zero denominator')
        if d < 0:
            n, d = -n, -d
        g = gcd(abs(n), d)
        self.n = n // g
        self.d = d // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x)
    def __add__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return Frac.of(o) - self
    def __mul__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = Frac.of(o)
        return self.n == o.n and self.d == o.d
    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return int(self.n / self.d)
    def __repr__(self):
        return '%d/%d' % (self.n, self.d)
h = Frac(1, 2)
t = Frac(1, 3)
print(h + t, h - t, h * t, h / t)
print(h + 1, 1 + h, 1 - h, 2 * t, t * 3)
print(-h, Frac(2, -4), Frac(6, 3))
print(h == Frac(2, 4), h == t, h < t, t < h)
print(sorted([Frac(3, 4), Frac(1, 8), Frac(1, 2)]))
print(float(Frac(3, 8)), int(Frac(7, 2)))
print(sum([Frac(1, n) for n in range(1, 7)], Frac(0)))
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print(e)
acc = Frac(0)
for i in range(1, 5):
    acc += Frac(1, i * (i + 1))
print(acc)
print(max(Frac(2, 3), Frac(3, 5)), min(Frac(2, 3), Frac(3, 5)))
