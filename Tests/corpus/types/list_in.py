# membership tests in lists use ==
l = [1, 'two', 3.0, None, (4, 5), [6]]
print(1 in l, 'two' in l, 3 in l, None in l)
print((4, 5) in l, [6] in l, 6 in l)
print('TWO' in l, 2 in l, [] in l)
print(True in [1], False in [0], 1.0 in [True])
print(0 in [], [] in [[]])
print('a' not in l, 1 not in l)
n = float('nan')
print(n in [n])
print(float('nan') in [float('nan')])


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Eq) and other.v == self.v


print(Eq(1) in [Eq(1)], Eq(2) in [Eq(1)])
big = list(range(1000))
print(999 in big, 1000 in big, -1 in big)
print(10 ** 20 in [10 ** 20], 2 ** 70 in [2 ** 70])
print('é' in ['é'], b'x' in [b'x'], 'x' in [b'x'])
print(1j in [1j], (1, [2]) in [(1, [2])])
words = ['alpha', 'beta', 'gamma']
for w in ('beta', 'delta', 'alpha', 'Gamma'):
    print(w, w in words)
print(len([x for x in range(20) if x in [3, 7, 11]]))
matrix = [[1, 2], [3, 4]]
print([3, 4] in matrix, 3 in matrix, [4, 3] in matrix)
print(any(3 in row for row in matrix))
