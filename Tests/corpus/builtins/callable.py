# callable() on functions, classes, instances, builtins, methods
def f():
    pass


class NoCall:
    pass


class WithCall:
    def __call__(self, x=1):
        return x * 2

    def method(self):
        return 'm'


print(callable(f))
print(callable(lambda: 0))
print(callable(len), callable(print), callable(callable))
print(callable(int), callable(str), callable(list), callable(type))
print(callable(NoCall), callable(WithCall))
print(callable(NoCall()), callable(WithCall()))
print(callable(WithCall().method))
print(callable([].append), callable('abc'.upper))
print(callable(1), callable('s'), callable(None), callable([]))
print(callable(()), callable({}), callable(1.5), callable(b''))
print(callable(range(3)), callable(iter([])))
w = WithCall()
print(w(), w(5))
print(callable(print) and print is not None)
print(callable(dict.fromkeys))
print(callable(str.join))
g = (x for x in [])
print(callable(g))
print(callable(f.__name__))
funcs = [len, f, 3, 'x', WithCall, w, NoCall()]
print([callable(x) for x in funcs])
try:
    callable()
except TypeError:
    print('TypeError')
print(callable(WithCall.method), callable(w.method))
