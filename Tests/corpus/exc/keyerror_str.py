# KeyError with non-string keys
d = {}
for key in [1, 2.5, (1, 2), None, True, -7, 10 ** 20]:
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, str(e), e.args, e.args[0] == key)
try:
    {}.pop(42)
except KeyError as e:
    print(str(e), e.args)
try:
    raise KeyError(3)
except LookupError as e:
    print('as LookupError', str(e))
try:
    {'a': 1}['b']
except KeyError as e:
    print(e.args)
s = set()
try:
    s.remove(99)
except KeyError as e:
    print('set remove', e.args)
try:
    d = {'x': 1}
    del d['y']
except KeyError as e:
    print('del', e.args)
print(str(KeyError()), KeyError().args)
print(str(KeyError(1, 2)))
