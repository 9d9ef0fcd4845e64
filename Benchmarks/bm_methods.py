# bm_methods: classes -- method calls, attribute reads/writes, properties, class and static
# methods, operator methods, inheritance and super().
import sys

EXPECTED = 18054122


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


class Shape:
    created = 0

    def __init__(self, name):
        self.name = name
        self.moves = 0
        Shape.created += 1

    def area(self):
        return 0

    def move(self, dx):
        self.moves += dx
        return self.moves

    def describe(self):
        return len(self.name) + self.area()


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    def grow(self, k):
        self.w += k
        self.h += k


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

    def area(self):
        return super().area() + 1

    @classmethod
    def unit(cls):
        return cls(1)


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self._r = r

    @property
    def r(self):
        return self._r

    @r.setter
    def r(self, value):
        if value < 0:
            value = 0
        self._r = value

    def area(self):
        return 3 * self._r * self._r

    @staticmethod
    def kind():
        return 7


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Account:
    def __init__(self):
        self.balance = 0
        self.ops = 0

    def deposit(self, n):
        self.balance += n
        self.ops += 1
        return self

    def withdraw(self, n):
        if n <= self.balance:
            self.balance -= n
        self.ops += 1
        return self


def work(n):
    check = 0
    acct = Account()
    origin = Vec(0, 0)
    for i in range(n):
        shapes = [Rect(i % 7 + 1, 3), Square(i % 5 + 1), Circle(i % 4), Square.unit()]
        for s in shapes:
            check += s.area() + s.describe()
            s.move(i & 3)
            check += s.moves
        r = shapes[0]
        r.grow(2)
        check += r.perimeter + r.w
        c = shapes[2]
        c.r = c.r + 1
        c.r = c.r - 10 if i % 9 == 0 else c.r
        check += c.r + Circle.kind() + c.kind()
        v = Vec(i % 10, 3) + Vec(1, i % 4) * 2
        check += v.dot(v) + (1 if v == origin else 0)
        acct.deposit(i % 50).withdraw(i % 30).deposit(1)
        check += isinstance(shapes[1], Rect) + isinstance(c, Rect)
        check &= 0xFFFFFFF
    check += acct.balance % 1000 + acct.ops + Shape.created % 1000
    return check


result = work(max(1, int(75000 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
