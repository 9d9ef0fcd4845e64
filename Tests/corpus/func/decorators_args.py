# decorators with arguments and stacked decorators
def repeat(n):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(name):
    return 'hi ' + name
print(hi('x'))
def prefix(p):
    def deco(f):
        def w(*a):
            return p + f(*a)
        return w
    return deco
@prefix('A:')
@prefix('B:')
@prefix('C:')
def base():
    return 'base'
print(base())
order = []
def mark(name):
    order.append('factory ' + name)
    def deco(f):
        order.append('apply ' + name)
        return f
    return deco
@mark('outer')
@mark('inner')
def target():
    pass
print(order)
def bold(f):
    return lambda: '<b>' + f() + '</b>'
def italic(f):
    return lambda: '<i>' + f() + '</i>'
@bold
@italic
def text():
    return 'txt'
print(text())
@italic
@bold
def text2():
    return 'txt'
print(text2())
def validate(*types):
    def deco(f):
        def w(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError('bad arg')
            return f(*args)
        return w
    return deco
@validate(int, str)
def pair(n, s):
    return s * n
print(pair(3, 'ab'))
try:
    pair('3', 'ab')
except TypeError as e:
    print('TypeError', e)
decos = [prefix('1'), prefix('2')]
@decos[0]
def idx():
    return '!'
print(idx())
def with_kw(sep='-'):
    def deco(f):
        return lambda *a: sep.join(f(*a))
    return deco
@with_kw(sep='+')
def parts():
    return ['a', 'b', 'c']
@with_kw()
def parts2():
    return ['x', 'y']
print(parts(), parts2())
