# __neg__, __pos__, __abs__, __invert__
class V:
    def __init__(self, *c):
        self.c = c
    def __neg__(self):
        return V(*[-x for x in self.c])
    def __pos__(self):
        return V(*[+x for x in self.c])
    def __abs__(self):
        return V(*[abs(x) for x in self.c])
    def __invert__(self):
        return V(*[~x for x in self.c])
    def __repr__(self):
        return 'V%r' % (self.c,)
v = V(1, -2, 3)
print(-v)
print(+v)
print(abs(v))
print(~v)
print(-(-v))
print(abs(-v))
print(~~v)
print(- + - v)
class Flag:
    def __init__(self, on):
        self.on = on
    def __invert__(self):
        return Flag(not self.on)
    def __bool__(self):
        return self.on
f = Flag(True)
print(bool(f), bool(~f), bool(~~f), not f)
class Strange:
    def __neg__(self):
        return 'negated'
    def __pos__(self):
        return 'positive'
    def __abs__(self):
        return 'absolute'
    def __invert__(self):
        return 'inverted'
s = Strange()
print(-s, +s, abs(s), ~s)
class None_:
    pass
for op in (lambda x: -x, lambda x: +x, lambda x: abs(x), lambda x: ~x):
    try:
        op(None_())
    except TypeError:
        print('TypeError')
class Num:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return Num(-self.v)
    def __sub__(self, o):
        return Num(self.v - o.v)
    def __add__(self, o):
        return Num(self.v + o.v)
print((Num(5) + -Num(3)).v, (-Num(5) - -Num(3)).v)
