# list operators: +, *, +=, *=, in, len, truthiness
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


a = [1, 2]
b = [3]
print(a + b)
print(b + a)
print(a * 3)
print(3 * a)
print(a * 0, a * -1)
print([] + [])
print([None] * 4)
c = a
c += b
print(a, c, a is c)
d = a
d = d + [4]
print(a, d, a is d)
e = [0]
e *= 3
print(e)
f = ['x']
g = f
g *= 2
print(f, g is f)
print(2 in a, 5 in a, 5 not in a)
print([1] in [[1], [2]])
print(len(a), len([]), len([[]]))
print(bool([]), bool([0]))
chk(lambda: [1] + (2,))
chk(lambda: [1] + 'a')
chk(lambda: [1] * 1.5)
chk(lambda: [1] * [2])
chk(lambda: [1] - [1])
h = [1]
h += (2, 3)
print(h)
h += 'ab'
print(h)
h += range(2)
print(h)
print([[0] * 2] * 2)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
print(sum([[1], [2], [3]], []))
print(max([1, 5, 3]), min([4, 2, 8]))
