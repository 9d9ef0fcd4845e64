# nonlocal declarations
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    inner()
    inner()
    return x
print(outer())
def make_counter():
    count = 0
    def incr(step=1):
        nonlocal count
        count += step
        return count
    return incr
c = make_counter()
print(c(), c(), c(10))
c2 = make_counter()
print(c2(), c())
def three_levels():
    v = 'a'
    def mid():
        def inner():
            nonlocal v
            v += 'c'
        nonlocal v
        v += 'b'
        inner()
    mid()
    return v
print(three_levels())
def two_vars():
    a = 1
    b = 2
    def swap():
        nonlocal a, b
        a, b = b, a
    swap()
    return a, b
print(two_vars())
def shadow():
    x = 'outer'
    def inner():
        x = 'inner local'
        return x
    inner()
    return x
print(shadow())
def acc():
    items = []
    total = 0
    def add(v):
        nonlocal total
        items.append(v)
        total += v
        return total
    return add, items
add, items = acc()
print(add(3), add(4), items)
def loop_closure():
    n = 0
    def bump():
        nonlocal n
        n += 1
    for _ in range(5):
        bump()
    return n
print(loop_closure())
def nonlocal_after_change():
    x = 0
    def setx(v):
        nonlocal x
        x = v
    setx(5)
    r1 = x
    setx('str')
    return r1, x
print(nonlocal_after_change())
