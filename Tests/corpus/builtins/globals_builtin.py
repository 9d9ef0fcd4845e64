# globals(): reading, writing and checking module-level names
x = 10
g = globals()
print(type(g).__name__)
print(g['x'])
print('x' in g, 'undefined_name' in g)
g['new_global'] = 'created via globals()'
print(new_global)
x = 20
print(g['x'])
print(g is globals())


def f():
    return globals()['x']


print(f())


def set_global():
    globals()['from_func'] = 42


set_global()
print(from_func)


def local_scope():
    y = 5
    return 'y' in globals()


print(local_scope())
print('f' in g, 'set_global' in g, callable(g['f']))
print(g['__name__'])
del g['new_global']
print('new_global' in globals())
try:
    print(new_global)
except NameError:
    print('NameError')
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(g['counter'])
for name in ['x', 'counter', 'bump', 'nothing']:
    print(name, name in globals())
print(isinstance(globals(), dict))
print(globals().get('missing', 'fallback'))
