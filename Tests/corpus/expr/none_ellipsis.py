# None and Ellipsis in expressions
x = None
print(x is None, x == None, x != None, not x)
print(None or 'default', None and 'never')
print([None] * 3, (None,), {None: 'none key'}[None])
print(type(None).__name__, type(...).__name__)
print(... is Ellipsis, ... == Ellipsis, bool(...))
print(str(None), repr(None), str(...), repr(...))
def nothing():
    pass
print(nothing() is None, nothing() == nothing())
l = [3, None, 1]
print([v for v in l if v is not None])
print(sorted(v for v in l if v is not None))
print(l.count(None), l.index(None))
try:
    None + 1
except TypeError:
    print('TypeError None + 1')
try:
    None < 1
except TypeError:
    print('TypeError None < 1')
try:
    len(None)
except TypeError:
    print('TypeError len(None)')
d = {}
print(d.get('missing'), d.get('missing') is None)
print(max([1, 5, 3]) if None is None else None)
