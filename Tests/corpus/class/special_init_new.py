# __init__ and __new__
class Tracked:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        inst = super().__new__(cls)
        inst.created_by_new = True
        return inst
    def __init__(self, a, b=0):
        print('__init__', a, b)
        self.a = a
        self.b = b
t = Tracked(1, 2)
print(t.a, t.b, t.created_by_new)
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.count = 0
        return cls._instance
    def __init__(self):
        self.count += 1
s1 = Singleton()
s2 = Singleton()
print(s1 is s2, s1.count)
class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(ReturnsOther())
class Base:
    def __init__(self):
        self.base_init = True
class NoSuperInit(Base):
    def __init__(self):
        self.own = True
n = NoSuperInit()
print(n.own, hasattr(n, 'base_init'))
class InheritsInit(Base):
    pass
print(InheritsInit().base_init)
class InitReturnsNone:
    def __init__(self):
        return None
print(type(InitReturnsNone()).__name__)
class InitReturnsValue:
    def __init__(self):
        return 5
try:
    InitReturnsValue()
except TypeError:
    print('TypeError __init__ returned non-None')
class Cache:
    _cache = {}
    def __new__(cls, key):
        if key in cls._cache:
            return cls._cache[key]
        inst = super().__new__(cls)
        cls._cache[key] = inst
        return inst
    def __init__(self, key):
        self.key = key
print(Cache('a') is Cache('a'), Cache('a') is Cache('b'))
class Derived(Tracked):
    def __init__(self):
        super().__init__('from derived')
d = Derived()
print(type(d).__name__, d.a)
class NewOnly:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.v = v * 2
        return o
print(NewOnly(21).v)
