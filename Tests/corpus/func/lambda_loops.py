# lambdas created in loops and closures capturing loop variables
fs = []
for i in range(4):
    fs.append(lambda: i)
print([f() for f in fs])
fs = []
for i in range(4):
    fs.append(lambda i=i: i)
print([f() for f in fs])
def make(n):
    return lambda: n
fs = [make(i) for i in range(4)]
print([f() for f in fs])
fs = [(lambda j: lambda: j * j)(i) for i in range(4)]
print([f() for f in fs])
adders = {}
for name, inc in [('one', 1), ('two', 2)]:
    adders[name] = lambda x, inc=inc: x + inc
print(adders['one'](10), adders['two'](10))
def loop_in_func():
    res = []
    for k in 'abc':
        res.append(lambda: k)
    k = 'changed'
    return [f() for f in res]
print(loop_in_func())
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b]
print([op(6, 3) for op in ops])
acc = []
for n in range(3):
    acc.append((lambda m: [lambda: m + k for k in range(2)])(n))
print([[f() for f in row] for row in acc])
gens = [(x for x in range(i)) for i in range(3)]
print([list(g) for g in gens])
w = 0
funcs = []
while w < 3:
    funcs.append(lambda w=w: w * 10)
    w += 1
print([f() for f in funcs])
