# various return values
def multi():
    return 1, 'two', [3]
a, b, c = multi()
print(a, b, c)
print(multi())
def returns_dict():
    return {'k': 1}
print(returns_dict()['k'])
def returns_none_implicitly(x):
    if x:
        return 'x'
print(returns_none_implicitly(1), returns_none_implicitly(0))
def returns_list_mutable():
    return []
l1 = returns_list_mutable()
l2 = returns_list_mutable()
l1.append(1)
print(l1, l2, l1 is l2)
def return_in_loop(n):
    for i in range(n):
        if i * i >= n:
            return i
print(return_in_loop(10), return_in_loop(0))
def return_expression(a, b):
    return a * b + (a - b) ** 2
print(return_expression(3, 4))
def returns_self_call(n):
    return n if n < 1 else returns_self_call(n - 1) + 1
print(returns_self_call(10))
def returns_class():
    class Local:
        v = 'local class attr'
    return Local
print(returns_class().v)
def returns_generator():
    return (i for i in range(3))
print(list(returns_generator()))
def returns_bool(x):
    return x > 5
print(returns_bool(10), returns_bool(1))
def chained():
    return 'a'.upper().lower().upper()
print(chained())
