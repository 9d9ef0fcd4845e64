# deep recursion must raise RuntimeError, not crash the host
def f():
    f()
try:
    f()
except RuntimeError as e:
    print('RuntimeError', e)

def g(n):
    return g(n + 1) + 1
try:
    g(0)
except RuntimeError as e:
    print('RuntimeError', e)

class A:
    def __getattr__(self, name):
        return self.missing
try:
    A().x
except RuntimeError as e:
    print('RuntimeError', e)

class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RuntimeError as e:
    print('RuntimeError', e)

x = []
x.append(x)
print(x)
d = {}
d[1] = d
print(d)
try:
    print(eval('(' * 3000 + '1' + ')' * 3000))
except Exception as e:
    print(type(e).__name__)

def gen():
    yield from gen()
try:
    list(gen())
except RuntimeError as e:
    print('RuntimeError', e)
