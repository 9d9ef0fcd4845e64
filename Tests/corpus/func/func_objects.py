# functions are objects: stored, compared, passed around
def square(x):
    return x * x
def cube(x):
    return x * x * x
table = [square, cube, abs]
print([f(-3) for f in table])
ops = {'sq': square, 'cu': cube}
print(ops['sq'](4), ops['cu'](2))
alias = square
print(alias is square, alias(9))
print(square == square, square == cube, square != cube)
print(callable(square), callable(ops), callable(len))
s = {square, cube, square}
print(len(s))
d = {square: 'square function'}
print(d[square])
def returns_function(kind):
    return {'sq': square, 'cu': cube}.get(kind, abs)
print(returns_function('sq')(5), returns_function('zz')(-5))
def call_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(call_n(square, 3, 2))
pairs = sorted([(cube, 'c'), (square, 's')], key=lambda p: p[1])
print([p[1] for p in pairs], [p[0](2) for p in pairs])
print(type(square).__name__)
print(square.__name__, alias.__name__)
