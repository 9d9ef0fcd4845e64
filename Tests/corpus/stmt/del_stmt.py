# del of names, items, slices and attributes
x = 10
del x
try:
    print(x)
except NameError:
    print('NameError after del')
a, b = 1, 2
del a, b
try:
    a
except NameError:
    print('a gone')
l = [0, 1, 2, 3, 4, 5]
del l[0]
print(l)
del l[-1]
print(l)
del l[1:3]
print(l)
del l[:]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(sorted(d))
try:
    del d['zzz']
except KeyError:
    print('KeyError')
class C:
    cls_attr = 'c'
o = C()
o.x = 1
o.y = 2
del o.x
print(hasattr(o, 'x'), hasattr(o, 'y'))
try:
    del o.x
except AttributeError:
    print('AttributeError')
del C.cls_attr
print(hasattr(C, 'cls_attr'))
def f():
    v = 1
    del v
    try:
        return v
    except NameError:
        return 'local NameError'
print(f())
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
del m[1][:]
print(m)
t = {'k': [1, 2, 3]}
del t['k'][0]
print(t)
try:
    del (1, 2)[0]
except TypeError:
    print('TypeError')
g = 5
def h():
    global g
    del g
h()
print('g' in globals())
for i in range(3):
    pass
del i
try:
    i
except NameError:
    print('loop var deleted')
(p, q) = (1, 2)
del (p, q)
print('p' in globals(), 'q' in globals())
