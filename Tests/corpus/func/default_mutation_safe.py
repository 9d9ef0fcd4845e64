# defaults that are safe because they are immutable or copied
def f(items=()):
    items = list(items)
    items.append(len(items))
    return items
print(f(), f(), f([9]))
def g(text=''):
    text += 'x'
    return text
print(g(), g(), g('a'))
def h(n=0):
    n += 1
    return n
print(h(), h(), h(10))
def k(t=(1, 2)):
    t += (3,)
    return t
print(k(), k())
def frozen(cfg=None):
    cfg = dict(cfg or {})
    cfg['seen'] = True
    return sorted(cfg.items())
base = {'a': 1}
print(frozen(base), base, frozen())
def copy_default(acc=[]):
    acc = acc + [1]
    return acc
print(copy_default(), copy_default(), copy_default([5]))
