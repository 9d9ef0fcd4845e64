# return statement forms
def none1():
    return
def none2():
    pass
def one():
    return 1
def tup():
    return 1, 2
def star():
    a = [2, 3]
    return (1, *a)
print(none1(), none2(), one(), tup(), star())
def early(x):
    if x < 0:
        return 'neg'
    for i in range(x):
        if i == 3:
            return 'hit 3'
    return 'done'
print(early(-1), early(10), early(2))
def nested_loops():
    for i in range(3):
        for j in range(3):
            if i + j == 3:
                return i, j
print(nested_loops())
def while_ret():
    n = 0
    while True:
        n += 1
        if n * n > 50:
            return n
print(while_ret())
def cond_ret(x):
    return 'yes' if x else 'no'
print(cond_ret(1), cond_ret(0))
def returns_func():
    def inner():
        return 'inner'
    return inner
print(returns_func()())
def ret_in_with():
    class CM:
        def __enter__(self):
            return 5
        def __exit__(self, *a):
            print('exit called')
    with CM() as v:
        return v * 2
print(ret_in_with())
def multiple_paths(x):
    if x == 1:
        return 'one'
    elif x == 2:
        return 'two'
    try:
        return {3: 'three'}[x]
    except KeyError:
        return 'many'
print([multiple_paths(i) for i in range(1, 5)])
def ret_lambda():
    return lambda: 'lam'
print(ret_lambda()())
def ret_gen_value():
    return [i for i in range(3)]
print(ret_gen_value())
