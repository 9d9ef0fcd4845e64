# loop variables and scope
for i in range(3):
    pass
print('i after loop:', i)
for j in []:
    pass
try:
    j
except NameError:
    print('j never bound by empty loop')
def f():
    out = []
    for k in range(3):
        out.append(lambda: k)
    return [g() for g in out]
print(f())
def g():
    out = []
    for k in range(3):
        out.append(lambda k=k: k)
    return [h() for h in out]
print(g())
w = 0
while w < 3:
    inner = w * 10
    w += 1
print(w, inner)
def nested_loop_vars():
    for a in range(2):
        for b in range(2):
            pass
    return a, b
print(nested_loop_vars())
def loop_var_rebinds_param(x):
    for x in range(x):
        pass
    return x
print(loop_var_rebinds_param(5))
try:
    for e in [1]:
        raise ValueError
except ValueError:
    print('loop var survives exception:', e)
def with_var_scope():
    class CM:
        def __enter__(self):
            return 'cm value'
        def __exit__(self, *a):
            pass
    with CM() as val:
        pass
    return val
print(with_var_scope())
