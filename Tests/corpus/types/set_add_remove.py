# set.add, set.remove, set.discard
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


s = set()
print(s.add(1))
s.add(2)
s.add(1)
print(sorted(s))
print(s.remove(1))
print(sorted(s))
chk(lambda: s.remove(1))
print(s.discard(2))
print(sorted(s))
print(s.discard(2))
s.discard('never there')
print(sorted(s))
for w in 'the cat and the hat'.split():
    s.add(w)
print(sorted(s))
s.remove('the')
print(sorted(s))
chk(lambda: s.add([1]))
chk(lambda: s.remove([1]))
t = {1, 2, 3}
t.add((4, 5))
t.add(frozenset([6]))
print(len(t), (4, 5) in t, frozenset({6}) in t)
u = {1}
v = u
v.add(2)
print(sorted(u), u is v)
seen = set()
dups = []
for x in [1, 3, 1, 4, 3, 5, 1]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(dups, sorted(seen))
try:
    set().remove('x')
except KeyError as e:
    print('KeyError', e.args)
w = {'a'}
w.add('a')
w.add('A')
print(sorted(w), len(w))
w.discard('a')
print(sorted(w))
print(sorted(w | {'b'}))
