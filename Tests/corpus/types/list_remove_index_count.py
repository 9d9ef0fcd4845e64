# list.remove, list.index (with start/end), list.count
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


l = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(l.count(5), l.count(1), l.count(7))
print(l.index(1), l.index(5), l.index(3))
print(l.index(1, 2))
print(l.index(5, 5))
print(l.index(5, 5, 9))
print(l.index(3, -2))
chk(lambda: l.index(7))
chk(lambda: l.index(4, 3))
chk(lambda: l.index(1, 0, 1))
l.remove(1)
print(l)
l.remove(5)
print(l)
chk(lambda: l.remove(42))
print(l)
m = ['a', 'b', 'a', 'c', 'a']
while 'a' in m:
    m.remove('a')
print(m)
n = [1, 1.0, True]
print(n.count(1))
print(n.index(True))
print([[1], [1], [2]].count([1]))
print([(1, 2), (1, 2)].index((1, 2)))
print([None, None].count(None))
print(['x'].count('x'), [].count('x'))
o = [1, 2, 3]
o.remove(2)
print(o)
o.remove(1)
o.remove(3)
print(o)
chk(lambda: o.remove(1))
p = list('mississippi')
print(p.count('s'), p.index('p'), p.index('s', 4))
