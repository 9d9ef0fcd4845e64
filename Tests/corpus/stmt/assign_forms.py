# assignment statement forms
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(a1, b1) = [3, 4]
[a2, b2] = (5, 6)
print(a1, b1, a2, b2)
d = {}
d['k'] = d['j'] = 0
print(sorted(d.items()))
l = [0] * 3
l[0], l[1], l[2] = 'abc'
print(l)
class O:
    pass
o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
i = 0
l = [10, 20]
i, l[i] = 1, 99
print(i, l)
n: int = 5
print(n)
m: list
print('m' in globals())
v = w = 1 + 2
print(v, w)
s = t = 'str'
s += '!'
print(s, t)
first, *_ = 'hello'
print(first, _)
(((deep,),),) = (((7,),),)
print(deep)
k = [1, 2, 3]
k[1:2] = [8, 8, 8]
print(k)
e1, e2 = {'x': 1, 'y': 2}.keys() if False else ('x', 'y')
print(e1, e2)
