# list.clear and list.copy (shallow copy semantics)
a = [1, [2, 3], 'x']
b = a.copy()
print(a == b, a is b)
b[0] = 100
print(a, b)
b[1].append(4)
print(a, b)
print(a[1] is b[1])
c = a[:]
print(c == a, c is a)
d = list(a)
print(d == a, d is a)
alias = a
a.clear()
print(a, alias, b)
print(len(a))
a.append('new')
print(alias)
e = []
print(e.copy(), e.clear(), e)
f = [[0] * 2 for _ in range(2)]
g = f.copy()
g[0][0] = 9
print(f, g)
h = [list(row) for row in f]
h[1][1] = 7
print(f, h)
print(type([].copy()).__name__)
big = list(range(100))
cp = big.copy()
big.clear()
print(len(big), len(cp), cp[-1])
x = [1, 2]
y = x.copy()
y += [3]
print(x, y)
z = x
z += [4]
print(x, z)
w = x.copy()
w = w + [5]
print(x, w)
nested = [[1, 2], [3, 4]]
shallow = nested.copy()
shallow.append([5])
print(nested, shallow)
shallow[0][0] = 'changed'
print(nested[0])
print(nested == [['changed', 2], [3, 4]])
