# call shapes: keywords, *args, **kwargs, defaults, keyword-only, closures, super, classes
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
args = (10, 20, 30)
kw = {"c": 1, "z": 2}
print(f(*args, **kw))
print(f(0, *args, c=9, **{"y": 1}))
try:
    f(1, 2, c=3, **{"c": 4})
except TypeError as e:
    print("TypeError")

def outer():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

inc = outer()
inc(); inc(5)
print(inc())

class Base:
    def hello(self, who="world"):
        return "hello " + who
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls.__name__

class Child(Base):
    def hello(self, who="child"):
        return super().hello(who) + "!"
    def __repr__(self):
        return "Child()"

o = Child()
print(o.hello(), o.hello(who="kw"), Base.s(21), Child.c(), repr(o))
print([m(2) for m in (lambda x: x + 1, lambda x: x * 10)])
d = {"b": 2, "a": 1}
del d["a"]
o.attr = 5
del o.attr
print(d, hasattr(o, "attr"))
g = (x * x for x in range(4))
print(sum(g), {x % 3 for x in range(10)}, {k: v for k, v in zip("xy", (1, 2))})
a, *b, c = range(6)
print(a, b, c, [1, 2, 3][::-1], "abc"[1:])
print(1 < 2 < 3, 1 < 3 < 2, not 1, 3 if None else 4, 5 in [5], 5 not in [5], None is not None)
print(2 ** 100, -2 ** 63, 1.5e300 * 10, 3 + 4j, b"bytes", ...)
