# evaluation order of operands and arguments
log = []
def v(x):
    log.append(x)
    return x
v(1) + v(2) * v(3)
print(log); log.clear()
v(1) ** v(2) ** v(3)
print(log); log.clear()
[v(1), v(2), v(3)]
print(log); log.clear()
{v('k1'): v('v1'), v('k2'): v('v2')}
print(log); log.clear()
def f(*a, **k):
    return a
f(v(1), v(2), x=v(3), y=v(4))
print(log); log.clear()
v([0, 0])[v(0)] = v(9)
print(log); log.clear()
a = {}
a[v('key')] = v('value')
print(log); log.clear()
x, y = v(1), v(2)
print(log); log.clear()
v(True) and v(False) or v('alt')
print(log); log.clear()
print(v('p'), v('q'))
print(log); log.clear()
(v(1), v(2)) < (v(1), v(3))
print(log); log.clear()
v(5) if v(0) else v(6)
print(log); log.clear()
lst = [v(i) for i in range(3)]
print(log); log.clear()
s = v('a') + v('b') + v('c')
print(s, log); log.clear()
v(10) - v(3) - v(2)
print(log)
