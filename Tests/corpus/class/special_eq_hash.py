# __eq__ and __hash__
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
d = {Key(1, 2): 'first'}
print(d[Key(1, 2)])
d[Key(1, 2)] = 'replaced'
print(len(d), d[Key(1, 2)])
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s))
print(Key(2, 2) in s, Key(3, 3) in s)
class ConstHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return self.v == o.v
print(len({ConstHash(1), ConstHash(2), ConstHash(1)}))
print(hash(ConstHash(5)))
class EqNoHash:
    def __eq__(self, o):
        return True
try:
    hash(EqNoHash())
    print('hashable')
except TypeError:
    print('TypeError unhashable')
try:
    {EqNoHash()}
except TypeError:
    print('TypeError in set')
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p)
ps = {p, p}
print(len(ps))
class HashInt:
    def __hash__(self):
        return 12345
print(hash(HashInt()))
class IdentityDefault:
    def __init__(self, v):
        self.v = v
a, b = IdentityDefault(1), IdentityDefault(1)
print(a == b, len({a, b}))
print(hash(1) == hash(1.0), hash(True) == hash(1), hash(0) == 0, hash(42))
print(hash((1, 2)) == hash((1, 2)))
class Sub(Key):
    pass
print(Sub(1, 2) == Key(1, 2), {Sub(1, 2): 'x'}.get(Key(1, 2)))
