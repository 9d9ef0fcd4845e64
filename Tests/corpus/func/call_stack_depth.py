# moderately deep call chains through different call kinds
def plain(n):
    return 0 if n == 0 else 1 + plain(n - 1)
def kw(n=0, *, acc=0):
    return acc if n == 0 else kw(n - 1, acc=acc + 1)
def star(*args):
    n = args[0]
    return 0 if n == 0 else 1 + star(*(n - 1,))
class M:
    def meth(self, n):
        return 0 if n == 0 else 1 + self.meth(n - 1)
lam = lambda n: 0 if n == 0 else 1 + lam(n - 1)
def gen_depth(n):
    if n == 0:
        yield 0
    else:
        for v in gen_depth(n - 1):
            yield v + 1
print(plain(200))
print(kw(200))
print(star(200))
print(M().meth(200))
print(lam(200))
print(list(gen_depth(50)))
def mutual_a(n):
    return 'a' if n == 0 else mutual_b(n - 1)
def mutual_b(n):
    return 'b' if n == 0 else mutual_a(n - 1)
print(mutual_a(200), mutual_a(199))
def closure_depth(n):
    def inner(k):
        return k if k == n else inner(k + 1)
    return inner(0)
print(closure_depth(150))
