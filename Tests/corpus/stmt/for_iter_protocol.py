# for loops over user-defined iterables
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
for v in Countdown(3):
    print(v)
c = Countdown(2)
print(list(c), list(c))
it = CountdownIter(3)
print(list(it), list(it))
class GenIter:
    def __iter__(self):
        yield 'a'
        yield 'b'
for v in GenIter():
    print(v)
for v in Countdown(5):
    if v == 2:
        break
    print('v', v)
else:
    print('not printed')
print(sum(Countdown(4)), max(Countdown(4)), sorted(Countdown(3)))
print([x * 2 for x in Countdown(3)])
a, b, c = Countdown(3)
print(a, b, c)
print(3 in Countdown(5), 9 in Countdown(5))
class NotIterable:
    pass
try:
    for x in NotIterable():
        pass
except TypeError:
    print('TypeError not iterable')
try:
    for x in 5:
        pass
except TypeError:
    print('TypeError int')
class BadIter:
    def __iter__(self):
        return 42
try:
    for x in BadIter():
        pass
except TypeError:
    print('TypeError bad __iter__')
