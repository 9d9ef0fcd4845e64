# closures
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])
def late_binding():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in late_binding()])
def outer():
    v = 'first'
    def get():
        return v
    v = 'second'
    return get
print(outer()())
def counter_pair():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    def get():
        return count[0]
    return inc, get
inc, get = counter_pair()
inc(); inc()
print(get())
def deep():
    a = 1
    def l2():
        b = 2
        def l3():
            c = 3
            def l4():
                return a + b + c
            return l4
        return l3
    return l2
print(deep()()()())
def capture_param(p):
    return lambda: p * 2
fs = [capture_param(i) for i in range(3)]
print([f() for f in fs])
def closure_over_loop_var():
    funcs = []
    for i in range(3):
        def f(j=i):
            return j
        funcs.append(f)
    return [f() for f in funcs]
print(closure_over_loop_var())
def shared():
    x = 0
    def a():
        nonlocal x
        x += 1
        return x
    def b():
        nonlocal x
        x += 100
        return x
    return a, b
a, b = shared()
print(a(), b(), a())
def make_acc(total=0):
    def acc(v):
        nonlocal total
        total += v
        return total
    return acc
acc = make_acc(100)
print(acc(1), acc(2), acc(3))
def closure_in_class():
    secret = 'hidden'
    class K:
        def reveal(self):
            return secret
    return K()
print(closure_in_class().reveal())
def gen_closure():
    m = 3
    return (x * m for x in range(4))
print(list(gen_closure()))
