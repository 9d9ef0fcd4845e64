# defaults are evaluated once, at definition time
log = []
def make_default(tag):
    log.append(tag)
    return tag
def f(a=make_default('f.a'), b=make_default('f.b')):
    return a + b
print(log)
print(f(), f('x'), f('x', 'y'))
print(log)
for i in range(3):
    def g(v=i):
        return v
    print(g())
class C:
    base = 10
    def m(self, v=base * 2):
        return v
print(C().m())
def outer(n):
    def inner(k=n * 2):
        return k
    return inner
print(outer(1)(), outer(5)(), outer(5)(0))
lam = [lambda v=j: v for j in 'ab']
print([l() for l in lam])
def kwd(*, k=make_default('kw')):
    return k
print(kwd(), log[-1])
