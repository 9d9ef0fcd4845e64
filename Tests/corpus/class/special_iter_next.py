# __iter__ and __next__
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        self.a, self.b = 0, 1
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(100)))
f = Fib(10)
print(list(f), list(f))
it = iter(Fib(5))
print(next(it), next(it), next(it))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(next(c), list(c), list(c))
print(next(Countdown(0), 'exhausted'))
class Pairs:
    def __init__(self, d):
        self.ks = sorted(d)
        self.d = d
    def __iter__(self):
        for k in self.ks:
            yield k, self.d[k]
print(dict(Pairs({'b': 2, 'a': 1})) == {'a': 1, 'b': 2}, list(Pairs({'y': 0, 'x': 9})))
for k, v in Pairs({'q': 1}):
    print(k, v)
print(sum(Fib(20)), max(Fib(20)), sorted(Fib(8), reverse=True))
print(list(zip(Fib(3), 'abcdef')))
print(list(enumerate(Countdown(2))))
print(list(map(lambda x: x * 2, Fib(5))))
a, b, c2 = Countdown(3)
print(a, b, c2)
print(' '.join(str(x) for x in Fib(30)))
print(tuple(Countdown(4)), set(Countdown(3)) == {0, 1, 2})
class IterReturnsIter:
    def __iter__(self):
        return iter([10, 20])
print(list(IterReturnsIter()), [x + 1 for x in IterReturnsIter()])
class NextOnly:
    def __next__(self):
        return 1
try:
    iter(NextOnly())
except TypeError:
    print('TypeError: not iterable without __iter__')
