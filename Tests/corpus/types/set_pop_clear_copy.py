# set.pop, set.clear, set.copy
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


s = {42}
print(s.pop())
print(s, len(s))
chk(lambda: s.pop())
t = {1, 2, 3}
popped = []
while t:
    popped.append(t.pop())
print(sorted(popped), t)
u = {'a', 'b', 'c'}
x = u.pop()
print(x in 'abc', len(u), x not in u)
v = {1, 2, 3}
w = v.copy()
print(w == v, w is v)
w.add(4)
print(sorted(v), sorted(w))
alias = v
print(v.clear())
print(v, alias, len(alias))
print(set().copy())
y = {(1, 2), (3, 4)}
z = y.copy()
print(sorted(z))
print(type(z).__name__)
f = frozenset([1, 2])
g = f.copy()
print(sorted(g), g == f)
big = set(range(50))
cnt = 0
while big:
    big.pop()
    cnt += 1
print(cnt, len(big))
k = {5}
k.clear()
k.add(6)
print(sorted(k))
chk(lambda: frozenset([1]).pop())
chk(lambda: frozenset([1]).clear())
m = {1, 2}
n = m.copy()
m.pop()
print(len(m), len(n), sorted(n))
print(sorted(m | n))
print(sorted(n - m))
