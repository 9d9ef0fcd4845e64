# function __name__ and first-class function use
def alpha():
    pass
def beta(x):
    return x
print(alpha.__name__, beta.__name__)
g = alpha
print(g.__name__)
print((lambda: 0).__name__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
class C:
    def method(self):
        pass
    @staticmethod
    def smeth():
        pass
    @classmethod
    def cmeth(cls):
        pass
print(C.method.__name__)
def deco(f):
    def wrapper():
        return f()
    return wrapper
@deco
def decorated():
    pass
print(decorated.__name__)
funcs = [alpha, beta, outer]
print([f.__name__ for f in funcs])
table = {'a': alpha, 'b': beta}
print(table['b'](5))
def apply(f, *a):
    return f(*a)
print(apply(beta, 'applied'), apply(max, 3, 9, 2))
print(callable(alpha), callable(5), callable(C), callable(C().method))
def doc_func():
    """This docstring is ignored."""
    return 'has doc'
print(doc_func())
def gen():
    yield 1
print(gen.__name__)
print(type(alpha).__name__)
print(alpha == alpha, alpha == beta)
print(alpha is g)
