# __getitem__, __setitem__, __delitem__, __contains__, __len__
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError('out of grid')
        return self.cells.get(key, '.')
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
g = Grid(3, 2)
g[0, 0] = 'a'
g[2, 1] = 'b'
print(g[0, 0], g[1, 1], g[2, 1], len(g))
print((0, 0) in g, (1, 1) in g, (1, 1) not in g)
del g[0, 0]
print(g[0, 0], len(g))
try:
    g[5, 5]
except IndexError as e:
    print('IndexError', e)
try:
    del g[9, 9]
except KeyError:
    print('KeyError')
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]
    def __setitem__(self, i, v):
        self.data[i] = v
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return 'Seq(%r)' % self.data
s = Seq('abcdef')
print(s[0], s[-1], s[1:4], s[::2], s[::-1])
s[0] = 'Z'
print(s)
print(list(s))
print('c' in s, 'q' in s)
for ch in Seq('xy'):
    print('iter via getitem', ch)
class Default:
    def __getitem__(self, k):
        return 'value for %r' % (k,)
d = Default()
print(d['x'], d[1], d[1, 2], d[None])
class Log:
    def __init__(self):
        self.ops = []
    def __setitem__(self, k, v):
        self.ops.append(('set', k, v))
    def __delitem__(self, k):
        self.ops.append(('del', k))
lg = Log()
lg['a'] = 1
lg[1:3] = 'xy'
del lg['b']
print(lg.ops[0], lg.ops[2], lg.ops[1][0], lg.ops[1][2])
class Contains:
    def __contains__(self, x):
        return x % 2 == 0
print(4 in Contains(), 3 in Contains(), 3 not in Contains())
class Truthy:
    def __contains__(self, x):
        return 'nonempty'
print(1 in Truthy())
