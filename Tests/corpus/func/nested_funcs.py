# nested function definitions
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner(y * 10)
    return middle(x * 10)
print(outer(1))
def factory(kind):
    if kind == 'sq':
        def op(v):
            return v * v
    else:
        def op(v):
            return -v
    return op
print(factory('sq')(4), factory('neg')(4))
def redefine():
    def f():
        return 1
    first = f()
    def f():
        return 2
    return first, f()
print(redefine())
def recursive_inner(n):
    def helper(k):
        return 1 if k == 0 else k * helper(k - 1)
    return helper(n)
print(recursive_inner(6))
def uses_later_defined():
    def a():
        return b()
    def b():
        return 'b called via a'
    return a()
print(uses_later_defined())
def conditional_def(flag):
    if flag:
        def g():
            return 'yes'
    try:
        return g()
    except NameError:
        return 'g not defined'
print(conditional_def(True), conditional_def(False))
def loop_defs():
    fs = []
    for i in range(3):
        def f(i=i):
            return i * i
        fs.append(f)
    return [f() for f in fs]
print(loop_defs())
def params_shadow(x):
    def inner(x):
        return x * 2
    return inner(x + 1), x
print(params_shadow(5))
def outer2():
    items = []
    def add(v):
        items.append(v)
        return add
    add(1)(2)(3)
    return items
print(outer2())
