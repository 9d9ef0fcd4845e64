# __getattr__ for missing attributes
class Dyn:
    real = 'real attr'
    def __init__(self):
        self.inst = 'instance attr'
    def __getattr__(self, name):
        if name.startswith('x_'):
            return name[2:].upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.inst)
print(d.x_hello, d.x_abc)
try:
    d.other
except AttributeError as e:
    print('AttributeError', e.args)
print(hasattr(d, 'x_q'), hasattr(d, 'nope'))
print(getattr(d, 'nope', 'default'), getattr(d, 'x_dflt', 'default'))
class Proxy:
    def __init__(self, target):
        self._target = target
        self.calls = []
    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.calls)
print(p.count(1), p.calls[-1])
class Record:
    def __init__(self, **fields):
        self._fields = fields
    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name)
r = Record(a=1, b='two')
print(r.a, r.b)
try:
    r.c
except AttributeError:
    print('no c')
class Counter:
    def __init__(self):
        self.misses = 0
    def __getattr__(self, name):
        self.misses += 1
        return self.misses
c = Counter()
print(c.foo, c.bar, c.foo, c.misses)
c.foo = 'now set'
print(c.foo, c.misses)
class Base:
    def __getattr__(self, name):
        return 'base fallback ' + name
class Child(Base):
    defined = 'defined'
ch = Child()
print(ch.defined, ch.undefined)
