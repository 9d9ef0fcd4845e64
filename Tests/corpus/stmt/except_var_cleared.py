# the exception variable is deleted at the end of the except clause
e = 'before'
try:
    raise ValueError('x')
except ValueError as e:
    print('inside', e)
try:
    print(e)
except NameError:
    print('e is unbound after except')
def f():
    try:
        raise KeyError('k')
    except KeyError as err:
        saved = err
    try:
        err
    except NameError:
        print('err cleared in function')
    return saved
print(type(f()).__name__)
def g():
    exc = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    try:
        return exc
    except NameError:
        return 'cleared'
print(g())
for i in range(2):
    try:
        raise IndexError(i)
    except IndexError as ie:
        last = ie
print(last.args)
print('ie' in globals())
x = 1
try:
    pass
except Exception as x:
    pass
print('x still', x)
def h():
    try:
        raise ValueError('v')
    except ValueError as e:
        return e.args
print(h())
