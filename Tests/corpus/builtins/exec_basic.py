# exec() of statements with a globals dict
g = {}
print(exec('x = 5', g))
print(g['x'])
exec('y = x * 2', g)
print(g['y'])
exec('z = [i for i in range(3)]', g)
print(g['z'])
exec('if x > 3:\n    big = True\nelse:\n    big = False', g)
print(g['big'])
exec('total = 0\nfor i in range(5):\n    total += i', g)
print(g['total'])
exec('a, b = 1, 2\na, b = b, a', g)
print(g['a'], g['b'])
exec("s = 'exec' + 'uted'", g)
print(g['s'])
exec('del x', g)
print('x' in g)
exec('import sys as _s\nname = _s.__name__', g)
print(g['name'])
counter = 0
exec('counter = counter + 1')
print(counter)
exec('module_level_from_exec = 99')
print(module_level_from_exec)
try:
    exec('1 / 0', {})
except ZeroDivisionError:
    print('ZeroDivisionError')
try:
    exec('undefined_thing', {})
except NameError:
    print('NameError')
try:
    exec('def broken(:', {})
except SyntaxError:
    print('SyntaxError')
try:
    exec('raise ValueError("custom message")', {})
except ValueError as e:
    print('ValueError', e)
env = {'data': [3, 1, 2]}
exec('data.sort()\nresult = data[0]', env)
print(env['data'], env['result'])
code = 'out = []\nfor w in words:\n    out.append(w.upper())'
ns = {'words': ['a', 'b']}
exec(code, ns)
print(ns['out'])
print(sorted(k for k in ns if not k.startswith('__')))
exec('w = 1\nw += 1\nw *= 10', ns)
print(ns['w'])
