# shadowing builtin names locally and globally
def local_shadow():
    list = 'not a list'
    return list
print(local_shadow(), list('ab'))
def param_shadow(str):
    return str * 2
print(param_shadow(4), str(4))
max = lambda *a: 'fake max'
print(max(1, 2))
del max
print(max(1, 2))
def uses_sum():
    return sum([1, 2, 3])
sum = lambda x: 'shadowed sum'
print(uses_sum())
del sum
print(uses_sum())
class len:
    pass
print(type(len()).__name__)
del len
print(len('four'))
def for_shadow():
    out = []
    for range_ in range(2):
        out.append(range_)
    return out
print(for_shadow())
def import_like_name():
    int = float
    return int('2.5')
print(import_like_name(), int('25'))
True_copy = True
print(True_copy is True)
