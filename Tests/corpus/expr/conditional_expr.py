# conditional expressions
for n in range(-2, 3):
    print(n, 'pos' if n > 0 else 'neg' if n < 0 else 'zero')
x = 10
print(x if x > 5 else -x)
print(x if x > 50 else -x)
print((lambda y: 'even' if y % 2 == 0 else 'odd')(3))
print([('e' if i % 2 == 0 else 'o') for i in range(6)])
a = 1 if [] else 2
print(a)
a = 1 if [0] else 2
print(a)
print('yes' if None is None else 'no')
print(1 + (2 if True else 3))
print((1 if False else 2) * 10)
calls = []
def f(n):
    calls.append(n)
    return n
r = f(1) if f(True) else f(2)
print(r, calls)
calls.clear()
r = f(1) if f(0) else f(2)
print(r, calls)
print(abs(-3) if 0 else abs(-4))
print('a' if 'b' else 'c')
print('a' if '' else 'c')
nested = [[1, 2], [], [3]]
print([len(l) if l else None for l in nested])
t = 5
print('big' if t > 3 else 'small', 'odd' if t & 1 else 'even')
def sign(v):
    return 1 if v > 0 else (-1 if v < 0 else 0)
print([sign(v) for v in (-5, 0, 5, -0.5, 0.5)])
print(max(3, 4) if True else min(3, 4))
