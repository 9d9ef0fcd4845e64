# iter() and next() over builtin iterables and user iterators
it = iter([1, 2, 3])
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
print(list(iter('abc')))
print(list(iter((1, 2))))
print(list(iter(range(3))))
print(sorted(iter({3, 1, 2})))
print(list(iter({'a': 1, 'b': 2})))
print(list(iter(b'xy')))
i1 = iter([10, 20])
print(iter(i1) is i1)
print(list(i1), list(i1))


class Squares:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return SqIter(self.n)


class SqIter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * self.i


print(list(Squares(5)))
print(sum(Squares(4)))
s = Squares(3)
print(list(s), list(s))
si = iter(s)
print(next(si), next(si), next(si), next(si, 'done'))


class GetItem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


print(list(GetItem()))
try:
    iter(5)
except TypeError:
    print('TypeError')
try:
    next([1, 2])
except TypeError:
    print('TypeError')
g = (x for x in 'ab')
print(iter(g) is g, next(g), list(g))
words = iter('one two three'.split())
print(next(words), next(words, None), next(words, None), next(words, None))
print(list(zip(iter('ab'), iter('cd'))))
