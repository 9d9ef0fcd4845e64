# subscription expressions
l = [10, 20, 30, 40]
print(l[0], l[3], l[-1], l[-4])
i = 1
print(l[i], l[i + 1], l[-i], l[i * 2])
print(l[True], l[False])
d = {'a': 1, (1, 2): 'tuple', 3: 'int', None: 'none', 2.5: 'float'}
print(d['a'], d[(1, 2)], d[1, 2], d[3], d[None], d[2.5])
print(d[3.0])
s = 'hello'
print(s[1], s[-1], s[len(s) - 1])
t = (1, (2, (3, (4,))))
print(t[1][1][1][0])
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][-1], [row[1] for row in m])
print('abc'[1], (5, 6)[0], [7, 8][-1], {'k': 'v'}['k'])
print(range(10)[3], range(10)[-1], range(2, 20, 3)[2])
print(b'AB'[0], bytearray(b'CD')[1])
try:
    l[4]
except IndexError:
    print('IndexError')
try:
    d['zz']
except KeyError:
    print('KeyError')
try:
    l['a']
except TypeError:
    print('TypeError')
try:
    5[0]
except TypeError:
    print('TypeError')
try:
    s[0] = 'x'
except TypeError:
    print('TypeError')
l[i] = 99
print(l)
d['new'] = []
d['new'].append(1)
print(d['new'])
m[0][0] = m[1][1] = 0
print(m)
print([[1, 2], [3]][0][1])
