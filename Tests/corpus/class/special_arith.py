# arithmetic special methods
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'V(%r, %r)' % (self.x, self.y)
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __and__(self, o):
        return V(self.x & o.x, self.y & o.y)
    def __or__(self, o):
        return V(self.x | o.x, self.y | o.y)
    def __xor__(self, o):
        return V(self.x ^ o.x, self.y ^ o.y)
    def __lshift__(self, k):
        return V(self.x << k, self.y << k)
    def __rshift__(self, k):
        return V(self.x >> k, self.y >> k)
a = V(6, 12)
b = V(3, 5)
print(a + b)
print(a - b)
print(a * 3)
print(a / 4)
print(a // 5)
print(a % 5)
print(b ** 2)
print(a @ b)
print(a & b)
print(a | b)
print(a ^ b)
print(b << 2)
print(a >> 1)
print(a + b + b - a)
print((a + b) * 2)
print(sum([b, b, b], V(0, 0)))
try:
    a + 1
except AttributeError:
    print('AttributeError from __add__ body')
try:
    1 + a
except TypeError:
    print('TypeError: no __radd__')
class OnlyAdd:
    def __add__(self, o):
        return 'added'
try:
    OnlyAdd() - OnlyAdd()
except TypeError:
    print('TypeError: no __sub__')
print(OnlyAdd() + None)
class ReturnsNotImpl:
    def __add__(self, o):
        return NotImplemented
try:
    ReturnsNotImpl() + 1
except TypeError:
    print('TypeError after NotImplemented')
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.c + o.c)
        if isinstance(o, int):
            return Money(self.c + o)
        return NotImplemented
    def __repr__(self):
        return 'Money(%d)' % self.c
print(Money(5) + Money(7), Money(5) + 10)
try:
    Money(1) + 'x'
except TypeError:
    print('TypeError mixed')
