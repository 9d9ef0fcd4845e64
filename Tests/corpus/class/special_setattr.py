# __setattr__ and __delattr__
class Logged:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __setattr__(self, name, value):
        self.log.append(('set', name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(('del', name))
        object.__delattr__(self, name)
l = Logged()
l.x = 1
l.y = 'two'
l.x = 3
print(l.x, l.y)
del l.y
print(hasattr(l, 'y'))
print(l.log)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, name, value):
        raise AttributeError('frozen')
    def __delattr__(self, name):
        raise AttributeError('frozen del')
f = Frozen(5)
print(f.v)
try:
    f.v = 6
except AttributeError as e:
    print(e)
try:
    del f.v
except AttributeError as e:
    print(e)
print(f.v)
class Validated:
    def __setattr__(self, name, value):
        if name == 'age' and value < 0:
            raise ValueError('negative age')
        super().__setattr__(name, value)
v = Validated()
v.age = 5
print(v.age)
try:
    v.age = -1
except ValueError as e:
    print(e, v.age)
class Upper:
    def __setattr__(self, name, value):
        if isinstance(value, str):
            value = value.upper()
        object.__setattr__(self, name, value)
u = Upper()
u.a = 'hello'
u.b = 5
print(u.a, u.b)
setattr(u, 'c', 'via setattr')
print(u.c)
class Sub(Logged):
    pass
s = Sub()
s.z = 9
print(s.log, s.z)
class CountDel:
    deletions = 0
    def __delattr__(self, name):
        CountDel.deletions += 1
        super().__delattr__(name)
cd = CountDel()
cd.a = 1
cd.b = 2
del cd.a
delattr(cd, 'b')
print(CountDel.deletions, hasattr(cd, 'a'), hasattr(cd, 'b'))
