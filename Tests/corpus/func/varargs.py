# *args and **kwargs in every combination
def only_args(*args):
    return args
print(only_args(), only_args(1), only_args(1, 2, 3))
print(type(only_args()).__name__)
def only_kwargs(**kw):
    return sorted(kw.items())
print(only_kwargs(), only_kwargs(a=1), only_kwargs(b=2, a=1))
print(type(only_kwargs.__name__).__name__)
def both(*args, **kw):
    return args, sorted(kw.items())
print(both())
print(both(1, 2, x=3))
def pos_and_args(a, b, *rest):
    return a, b, rest
print(pos_and_args(1, 2), pos_and_args(1, 2, 3, 4))
def pos_and_kw(a, **kw):
    return a, sorted(kw.items())
print(pos_and_kw(1, b=2), pos_and_kw(a=1, b=2))
def full(a, b=10, *args, c, d=20, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(full(1, c=2))
print(full(1, 2, 3, c=4, e=5))
print(full(*[1, 2, 3, 4], c=0, **{'x': 'y'}))
def forward(*args, **kw):
    return full(*args, **kw)
print(forward(0, c=1, z=26))
def count_args(*a, **k):
    return len(a), len(k)
print(count_args(*range(10), **{str(i): i for i in range(5)}))
def modify_kw(**kw):
    kw['added'] = True
    return len(kw)
d = {'a': 1}
print(modify_kw(**d), d)
def args_is_tuple(*a):
    try:
        a.append(1)
    except AttributeError:
        return 'tuple has no append'
print(args_is_tuple(1))
def kw_with_name_collision(name, **kw):
    return name, sorted(kw)
print(kw_with_name_collision('n', other=1))
try:
    kw_with_name_collision('n', name='dup')
except TypeError:
    print('TypeError duplicate name')
