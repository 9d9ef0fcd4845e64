# object(): identity, equality, attributes, and use as sentinel
o = object()
p = object()
print(type(o) is object, type(o).__name__)
print(o == o, o == p, o != p)
print(o is o, o is p)
print(isinstance(o, object), isinstance(1, object), isinstance(None, object))
print(isinstance(int, object), isinstance(object, object))
print(hash(o) == hash(o))
d = {o: 'first', p: 'second'}
print(d[o], d[p], len(d))
s = {o, o, p}
print(len(s))
print(bool(o))
try:
    o.attr = 1
except AttributeError:
    print('AttributeError')
try:
    o.missing
except AttributeError:
    print('AttributeError')
try:
    o < p
except TypeError:
    print('TypeError')
MISSING = object()


def lookup(d, k, default=MISSING):
    if k in d:
        return d[k]
    if default is MISSING:
        return 'no default'
    return default


print(lookup({'a': 1}, 'a'))
print(lookup({}, 'a'))
print(lookup({}, 'a', None))
print(lookup({}, 'a', 0))


class Plain:
    pass


x = Plain()
x.value = 5
print(x.value)
print(isinstance(x, object), issubclass(Plain, object))
print(x == x, x == Plain())
print(type(o) == object)
print(o in [o], p in [o])
print([o, p].index(p))
print(issubclass(object, object))
