# chained assignment targets are assigned left to right
log = []
class Rec:
    def __setitem__(self, k, v):
        log.append(('set', k, v))
r = Rec()
r['a'] = r['b'] = 1
print(log)
a = b = c = [1, 2]
b.append(3)
print(a, c, a is b is c)
x = y = 0
x += 1
print(x, y)
l = [0, 0, 0]
i = l[i] = 2
print(i, l)
p, q = r2 = (1, 2)
print(p, q, r2)
d = {}
d['x'] = d['y'] = d['z'] = []
d['x'].append('shared')
print(d['z'], d['x'] is d['y'])
class O:
    pass
o = O()
o.a = o.b = 'same'
print(o.a, o.b)
first = second = third = 'v'
print(first + second + third)
