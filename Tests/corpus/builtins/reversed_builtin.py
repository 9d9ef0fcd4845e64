# reversed() on sequences and user classes with __reversed__ or __len__/__getitem__
print(list(reversed([1, 2, 3])))
print(list(reversed((1, 2, 3))))
print(list(reversed('abc')))
print(list(reversed(b'abc')))
print(list(reversed(bytearray(b'xyz'))))
print(list(reversed(range(4))))
print(list(reversed(range(0, 10, 3))))
print(list(reversed([])))
print(''.join(reversed('stressed')))
print(tuple(reversed(('only',))))
r = reversed([1, 2])
print(next(r), next(r), next(r, 'done'))
l = [1, 2, 3]
rl = reversed(l)
print(list(rl), l)


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return 'abc'[i]


print(list(reversed(Seq())))


class Custom:
    def __reversed__(self):
        return iter(['custom', 'reversed'])


print(list(reversed(Custom())))
try:
    reversed(5)
except TypeError:
    print('TypeError')
print([x * 2 for x in reversed([1, 2, 3])])
for i, c in enumerate(reversed('xyz')):
    print(i, c)
print(list(reversed(list(reversed([4, 5, 6])))))
print(sorted(reversed([3, 1, 2])))
print(list(reversed('héllo')))
