# LEGB name resolution
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        x = 'local'
        return x
    def inner2():
        return x
    return inner(), inner2()
print(outer())
def uses_global():
    return x
print(uses_global())
def uses_builtin():
    return len('abc')
print(uses_builtin())
def shadows_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadows_builtin(), len('abc'))
def global_shadows_builtin():
    return abs(-1)
abs_backup = abs
abs = lambda v: 'global abs'
print(global_shadows_builtin())
del abs
print(global_shadows_builtin())
y = 1
def three():
    y = 2
    def two():
        y = 3
        def one():
            return y
        return one()
    return two(), y
print(three(), y)
def param_is_local(x):
    return x
print(param_is_local('param'), x)
def enclosing_param(p):
    def inner():
        return p * 2
    return inner()
print(enclosing_param(21))
z = 'module z'
def late_global():
    return z
z = 'changed z'
print(late_global())
def loop_var_scope():
    for i in range(3):
        pass
    return i
print(loop_var_scope())
def if_scope(flag):
    if flag:
        v = 'set in if'
    return v
print(if_scope(True))
try:
    if_scope(False)
except NameError:
    print('NameError unbound in if')
