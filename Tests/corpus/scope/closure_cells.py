# closures share cells with their enclosing scope
def pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = pair()
print(get())
set_(5)
print(get())
get2, set2 = pair()
print(get2(), get())
def loop_cells():
    fs = []
    for i in range(3):
        x = i * 10
        fs.append(lambda: x)
    return [f() for f in fs]
print(loop_cells())
def shared_between_closures():
    items = []
    add = lambda v: items.append(v)
    size = lambda: len(items)
    return add, size
add, size = shared_between_closures()
add(1); add(2)
print(size())
def cell_after_return():
    def make():
        n = 1
        def inc():
            nonlocal n
            n += 1
            return n
        return inc
    a = make()
    b = make()
    return a(), a(), b()
print(cell_after_return())
def param_cell(p):
    def read():
        return p
    p = p * 2
    return read()
print(param_cell(21))
