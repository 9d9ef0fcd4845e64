# aliasing and identity with lists of lists
row = [0, 0]
grid = [row, row]
grid[0][0] = 1
print(grid, row)
print(grid[0] is grid[1])
grid2 = [row[:], row[:]]
grid2[0][1] = 2
print(grid2, row)
a = [[]] * 3
a[1].append('x')
print(a)
print(a[0] is a[2])
b = [[] for _ in range(3)]
b[1].append('x')
print(b)
c = [1, 2, 3]
d = c
e = c[:]
c.append(4)
print(c, d, e)
print(c is d, c is e, c == d, c == e)


def mutate(lst):
    lst.append('added')


def rebind(lst):
    lst = ['new']
    return lst


mutate(c)
print(c)
r = rebind(c)
print(c, r)
outer = [[1], [2]]
copy1 = list(outer)
copy1[0].append(10)
copy1[1] = ['replaced']
print(outer, copy1)
x = [1]
y = [x, x]
x.append(2)
print(y)
y[0] = [9]
print(y, x)
z = [0] * 3
z[0] = 5
print(z)
m = {'k': [1]}
v = m['k']
v.append(2)
print(m)
t = ([1], [2])
t[0].append(3)
print(t)
u = [[0] * 2] * 2
u[0][0] = 'both'
print(u)
v = [r[:] for r in u]
v[0][1] = 'one'
print(u, v)
w = v
w.append(['third'])
print(len(v), v is w)
print(v[2] is w[2])
