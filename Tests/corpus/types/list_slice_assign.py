# list slice assignment with step 1 (grow, shrink, insert, clear)
l = list(range(6))
l[1:3] = ['a', 'b']
print(l)
l[1:3] = ['x']
print(l)
l[1:2] = ['p', 'q', 'r']
print(l)
l[0:0] = ['start']
print(l)
l[len(l):] = ['end']
print(l)
l[-2:] = []
print(l)
l[:] = [9, 8, 7]
print(l)
l[1:] = (6, 5)
print(l)
l[:1] = ['x', 'y']
print(l)
l[2:2] = list(range(3))
print(l)
l[100:] = ['far']
print(l)
l[:-100] = ['near']
print(l)
a = [1, 2, 3]
b = a
a[:] = [4, 5]
print(a, b, a is b)
c = [1, 2, 3, 4]
c[1:3] = c[:]
print(c)
d = [0, 1, 2, 3, 4]
d[3:1] = ['ins']
print(d)
e = [1, 2, 3]
e[0:3] = []
print(e)
f = [[0]]
f[0:1] = [[1], [2]]
print(f)
g = list('abcdef')
g[2:4] = list('XYZW')
print(''.join(g))
h = [1, 2, 3]
try:
    h[0:1] = 5
except TypeError:
    print('TypeError')
print(h)
