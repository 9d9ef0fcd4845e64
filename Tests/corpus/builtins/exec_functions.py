# exec() defining functions and classes in a namespace
ns = {}
exec('def square(n):\n    return n * n', ns)
print(ns['square'](7))
print(callable(ns['square']))
exec('def add(a, b=10):\n    return a + b', ns)
print(ns['add'](1), ns['add'](1, 2))
exec('class Box:\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n        return self.v', ns)
b = ns['Box'](42)
print(b.get(), type(b).__name__)
exec('def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)', ns)
print(ns['fact'](10))
exec('def uses_global():\n    return G * 2\nG = 21', ns)
print(ns['uses_global']())
ns['G'] = 50
print(ns['uses_global']())
exec('def gen(n):\n    for i in range(n):\n        yield i * i', ns)
print(list(ns['gen'](5)))
exec('lam = lambda x: x + 100', ns)
print(ns['lam'](1))
exec('def outer():\n    v = 1\n    def inner():\n        return v + 1\n    return inner()', ns)
print(ns['outer']())
src = '''
def greet(name):
    return 'hello ' + name

message = greet('exec')
'''
env = {}
exec(src, env)
print(env['message'])
print(env['greet']('world'))
exec('def kw(*args, **kwargs):\n    return len(args), sorted(kwargs)', ns)
print(ns['kw'](1, 2, x=3, y=4))
exec('try:\n    r = 1 // 0\nexcept ZeroDivisionError:\n    r = "caught"', ns)
print(ns['r'])
exec('def f():\n    return 1', globals())
print(f())
print(sorted(k for k in ns if not k.startswith('__')))
exec('def counter():\n    global COUNT\n    COUNT = COUNT + 1\n    return COUNT\nCOUNT = 0', ns)
print(ns['counter'](), ns['counter'](), ns['COUNT'])
exec('def defaults(a, b=2, *rest):\n    return (a, b, rest)', ns)
print(ns['defaults'](1), ns['defaults'](1, 3, 4, 5))
exec('class Sub(Box):\n    def get(self):\n        return -self.v', ns)
print(ns['Sub'](8).get(), isinstance(ns['Sub'](1), ns['Box']))
print(ns['fact'](5) == ns['defaults'](120)[0])
