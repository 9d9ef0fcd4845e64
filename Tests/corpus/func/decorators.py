# decorators without arguments
def shout(f):
    def wrapper(*args, **kw):
        return str(f(*args, **kw)).upper()
    return wrapper
@shout
def greet(name):
    return 'hello ' + name
print(greet('bob'))
def trace(f):
    def wrapper(*args):
        print('calling', f.__name__, args)
        r = f(*args)
        print('returned', r)
        return r
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def one():
    return 1
@register
def two():
    return 2
print(registry, one(), two())
def count_calls(f):
    n = 0
    def wrapper(*a):
        nonlocal n
        n += 1
        return f(*a), n
    return wrapper
@count_calls
def ident(x):
    return x
print(ident('a'), ident('b'), ident('c'))
def replace_with_const(f):
    return 42
@replace_with_const
def gone():
    pass
print(gone)
class Deco:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@Deco
def mul(a, b):
    return a * b
print(mul(3, 4), mul(5, 6), mul.calls)
def deco_for_method(f):
    def w(self, *a):
        return 'wrapped(' + str(f(self, *a)) + ')'
    return w
class K:
    @deco_for_method
    def m(self, v):
        return v
print(K().m(7))
print(greet.__name__, add.__name__)
