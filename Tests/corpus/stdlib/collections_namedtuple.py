from collections import namedtuple

T = namedtuple("Tup", "foo bar")
t = T(1, 2)
print(t)
print(t[0], t[1], t[-1], t[:1])
print(t.foo, t.bar)
print(len(t), bool(t), t + t, t * 2)
print(isinstance(t, tuple), isinstance(t, T), type(t) is T, type(t).__name__)
print(t == (1, 2), t != (1, 3), (1, 2) == t, t < (1, 3))
print(hash(t) == hash((1, 2)))
print(list(t), tuple(t), 2 in t, t.index(2), t.count(1), T(1, 1).count(1))
a, b = t
print(a, b)
print(T._fields)
print(t._asdict())
print(t._replace(bar=20), t)
print(T(bar=4, foo=3), T(5, bar=6))
print({t: "as key"}[(1, 2)])
print(repr(T("s", [1])))
print("%s and %r" % (t, t))

try:
    t[0] = 200
except TypeError:
    print("TypeError")
try:
    t.bar = 200
except AttributeError:
    print("AttributeError")
try:
    t.baz
except AttributeError:
    print("AttributeError")
for args in [(1,), (1, 2, 3)]:
    try:
        T(*args)
    except TypeError:
        print("TypeError")
try:
    T(1, foo=2)
except TypeError:
    print("TypeError")
try:
    T(1, 2, qux=3)
except TypeError:
    print("TypeError")

# comma separators and list of fields
T2 = namedtuple("TupComma", "foo,bar")
print(T2(1, 2))
T3 = namedtuple("TupList", ["x", "y", "z"])
print(T3(1, 2, 3), T3._fields)
T4 = namedtuple("TupTuple", ("a",))
print(T4(a=[]))
Empty = namedtuple("Empty", "")
print(Empty(), len(Empty()))

# subclassing
class Point(namedtuple("Point", "x y")):
    def norm1(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.norm1(), p.x, isinstance(p, tuple))
