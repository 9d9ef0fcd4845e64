# list() from many iterable kinds
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print(list())
print(list([1, 2]))
print(list((1, 2)))
print(list('abc'))
print(list(b'ab'))
print(list(bytearray(b'\x01\x02')))
print(list(range(4)))
print(list(range(10, 0, -3)))
print(list({'a': 1, 'b': 2}))
print(list({'a': 1}.values()))
print(list({'a': 1}.items()))
print(sorted(list({3, 1, 2})))
print(list(x * x for x in range(4)))
print(list(map(str, [1, 2])))
print(list(filter(None, [0, 1, '', 'a'])))
print(list(zip('ab', [1, 2])))
print(list(enumerate('xy')))
print(list(reversed([1, 2, 3])))
print(list(iter([5, 6])))
print(list(frozenset([7])))
print(list(''))
print(list([]))
l = [1, 2]
m = list(l)
print(m == l, m is l)
chk(lambda: list(5))
chk(lambda: list(None))
chk(lambda: list(1, 2))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(4)))
print(type(list('a')).__name__)
