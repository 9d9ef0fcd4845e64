# __new__ in subclasses of immutable builtins
class Tagged(str):
    def __new__(cls, value, tag):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj
t = Tagged('text', 'T1')
print(t, t.tag, t.upper())
class PositiveInt(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError('negative')
        return super().__new__(cls, v)
print(PositiveInt(5) * 2)
try:
    PositiveInt(-1)
except ValueError as e:
    print(e)
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
u = Upper('shout')
print(u, len(u), u == 'SHOUT', type(u).__name__)
class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v - v % 2)
print(Even(7), Even(8), Even(7) + 1, isinstance(Even(3), int))
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
pr = Pair(1, 2)
print(pr, pr.swap(), len(pr), pr[0], type(pr).__name__)
