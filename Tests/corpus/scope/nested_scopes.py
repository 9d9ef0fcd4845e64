# nested function scopes
def a():
    va = 'a'
    def b():
        vb = 'b'
        def c():
            vc = 'c'
            def d():
                return va + vb + vc
            return d()
        return c()
    return b()
print(a())
def counter():
    n = 0
    def get():
        return n
    def bump():
        nonlocal n
        n += 1
    return get, bump
get, bump = counter()
bump(); bump()
print(get())
def shadow_chain():
    v = 1
    def l1():
        v = 2
        def l2():
            nonlocal v
            v = 3
        l2()
        return v
    return l1(), v
print(shadow_chain())
def closure_sees_update():
    v = 'before'
    def show():
        return v
    v = 'after'
    return show()
print(closure_sees_update())
def independent_closures():
    fs = []
    for i in range(3):
        def make(j):
            return lambda: j
        fs.append(make(i))
    return [f() for f in fs]
print(independent_closures())
def nested_lambda():
    k = 10
    return (lambda a: (lambda b: a + b + k))
print(nested_lambda()(1)(2))
def default_vs_closure():
    v = 'closure'
    def f(v=v):
        return v
    v = 'changed'
    def g():
        return v
    return f(), g()
print(default_vs_closure())
def recursive_closure(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(recursive_closure(7))
def param_shadow(x):
    def inner(x):
        return x
    return inner('inner arg'), x
print(param_shadow('outer arg'))
