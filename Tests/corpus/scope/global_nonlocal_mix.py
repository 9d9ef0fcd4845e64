# mixing global and nonlocal declarations
v = 'global v'
def outer():
    v = 'outer v'
    def uses_global():
        global v
        v = 'global v modified'
    def uses_nonlocal():
        nonlocal v
        v = 'outer v modified'
    uses_global()
    r1 = v
    uses_nonlocal()
    return r1, v
print(outer(), v)
total = 0
def make():
    count = 0
    def step():
        global total
        nonlocal count
        count += 1
        total += 10
        return count, total
    return step
s = make()
print(s(), s(), total)
def reads_global_after_local_def():
    def inner():
        return v
    return inner()
print(reads_global_after_local_def())
def nonlocal_skips_level():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 100
        inner()
    mid()
    return a
print(nonlocal_skips_level())
def global_in_nested():
    def inner():
        global created_in_nested
        created_in_nested = 'yes'
    inner()
global_in_nested()
print(created_in_nested)
