# in-place special methods
class Acc:
    def __init__(self, v):
        self.v = v
        self.log = []
    def __iadd__(self, o):
        self.log.append('iadd')
        self.v += o
        return self
    def __isub__(self, o):
        self.log.append('isub')
        self.v -= o
        return self
    def __imul__(self, o):
        self.log.append('imul')
        self.v *= o
        return self
    def __itruediv__(self, o):
        self.v /= o
        return self
    def __ifloordiv__(self, o):
        self.v //= o
        return self
    def __imod__(self, o):
        self.v %= o
        return self
    def __ipow__(self, o):
        self.v **= o
        return self
    def __iand__(self, o):
        self.v &= o
        return self
    def __ior__(self, o):
        self.v |= o
        return self
    def __ixor__(self, o):
        self.v ^= o
        return self
    def __ilshift__(self, o):
        self.v <<= o
        return self
    def __irshift__(self, o):
        self.v >>= o
        return self
a = Acc(10)
orig = a
a += 5; print(a.v)
a -= 3; print(a.v)
a *= 4; print(a.v)
a //= 5; print(a.v)
a %= 6; print(a.v)
a **= 3; print(a.v)
a <<= 2; print(a.v)
a >>= 1; print(a.v)
a &= 0xf0; print(a.v)
a |= 1; print(a.v)
a ^= 0xff; print(a.v)
a /= 2; print(a.v)
print(a is orig, a.log)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
b = OnlyAdd(1)
b0 = b
b += 2
print(b.v, b is b0, b0.v)
class ReturnsOther:
    def __iadd__(self, o):
        return 'replaced'
r = ReturnsOther()
r += 1
print(r)
class NotImplInplace:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return NotImplInplace(self.v + o)
n = NotImplInplace(5)
n += 1
print(n.v)
l = [Acc(1)]
l[0] += 9
print(l[0].v)
