# lambda expressions
add = lambda a, b: a + b
print(add(2, 3))
print((lambda: 42)())
print((lambda x, y=10: x * y)(3))
print((lambda x, y=10: x * y)(3, 4))
print((lambda *a: a)(1, 2, 3))
print((lambda **k: sorted(k.items()))(b=2, a=1))
print((lambda a, *r, k=0: (a, r, k))(1, 2, 3, k=4))
sq = lambda n: n * n
print(list(map(sq, range(5))))
print(list(filter(lambda v: v % 3 == 0, range(10))))
print(sorted(['ccc', 'a', 'bb'], key=lambda s: len(s)))
print(sorted([(1, 'b'), (2, 'a')], key=lambda p: p[1]))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5))
print(compose(dbl, inc)(5))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
fs2 = [lambda x: x + i for i in range(3)]
print([f(10) for f in fs2])
cond = lambda x: 'big' if x > 10 else 'small'
print(cond(5), cond(50))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
print(add.__name__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda x: (x, x))(7))
print((lambda: None)())
