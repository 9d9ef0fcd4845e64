# exceptions raised inside __init__
class Fails:
    instances = 0
    def __init__(self, v):
        if v < 0:
            raise ValueError('negative value %d' % v)
        self.v = v
        Fails.instances += 1
ok = Fails(1)
print(ok.v)
try:
    bad = Fails(-5)
except ValueError as e:
    print('caught', e)
try:
    print(bad)
except NameError:
    print('bad was never bound')
print(Fails.instances)
class Partial:
    def __init__(self):
        self.a = 1
        raise RuntimeError('half built')
try:
    Partial()
except RuntimeError as e:
    print(e)
class Parent:
    def __init__(self):
        raise KeyError('parent failed')
class Child(Parent):
    def __init__(self):
        print('child init start')
        super().__init__()
        print('not reached')
try:
    Child()
except KeyError as e:
    print('KeyError', e.args)
class Wrapper:
    def __init__(self, n):
        try:
            self.val = 10 // n
        except ZeroDivisionError:
            raise ValueError('n must not be zero') from None
try:
    Wrapper(0)
except ValueError as e:
    print(e, e.__cause__)
print(Wrapper(5).val)
class Member:
    def __init__(self):
        self.items = [Fails(1), Fails(-1)]
try:
    Member()
except ValueError as e:
    print('member construction failed:', e)
print(Fails.instances)
class BadNew:
    def __new__(cls):
        raise TypeError('in __new__')
try:
    BadNew()
except TypeError as e:
    print(e)
