# __call__
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add3 = Adder(3)
print(add3(4), add3(10), callable(add3), callable(Adder))
print(list(map(Adder(100), [1, 2, 3])))
class Counter:
    def __init__(self):
        self.count = 0
    def __call__(self, *args, **kw):
        self.count += 1
        return args, sorted(kw.items())
c = Counter()
print(c(), c(1, 2), c(a=1), c.count)
class Multi:
    def __call__(self, a, b=2, *rest, k=0):
        return a, b, rest, k
m = Multi()
print(m(1), m(1, 3), m(1, 3, 4, 5, k=6))
class Chain:
    def __init__(self, parts=()):
        self.parts = parts
    def __call__(self, p):
        return Chain(self.parts + (p,))
print(Chain()('a')('b')('c').parts)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError:
    print('TypeError not callable')
print(callable(NotCallable()))
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
class Factory:
    def __call__(self):
        return Factory
print(Factory()() is Factory)
class Method:
    def __call__(self):
        return 'instance call'
    def run(self):
        return self()
print(Method().run())
