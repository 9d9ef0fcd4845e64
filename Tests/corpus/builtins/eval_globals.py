# eval() with explicit globals and locals dicts
g = {'a': 2, 'b': 3}
print(eval('a + b', g))
print(eval('a * b', g))
print(eval('a + c', g, {'c': 100}))
print(eval('a', g, {'a': 'local wins'}))
print(eval('len(s)', {'s': 'hello'}))
print(eval('min(xs)', {'xs': [4, 2, 9]}))
print(eval('f(3)', {'f': lambda n: n * n}))
env = {'n': 5}
print(eval('[i for i in range(n)]', env))
print(eval('n', env, {}))
try:
    eval('a', {})
except NameError:
    print('NameError')
try:
    eval('z', {'a': 1}, {'b': 2})
except NameError:
    print('NameError')
ctx = {'x': 1}
for expr in ('x + 1', 'x * 10', 'x == 1', 'str(x) * 3'):
    print(expr, '->', eval(expr, ctx))
print(eval('abs(-5)', {}))
print(eval('True', {}))
data = {'items': [('a', 1), ('b', 2)]}
print(eval('dict(items)', data))
print(eval('sum(v for k, v in items)', data))
vars_ = {'p': 2, 'q': 10}
print(eval('p ** q', vars_))
print(eval('q // p', vars_), eval('q % 3', vars_))
print(sorted(k for k in vars_ if not k.startswith('__')))
