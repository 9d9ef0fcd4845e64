# frozenset: immutability, hashing, methods returning frozensets
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), type(f).__name__)
print(1 in f, 5 in f)
print(frozenset())
print(sorted(frozenset('abc')))
print(frozenset([1, 2]) == frozenset([2, 1]))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {frozenset([1, 2]): 'pair'}
print(d[frozenset([2, 1])])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
chk(lambda: f.add(4))
chk(lambda: f.remove(1))
chk(lambda: f.discard(1))
chk(lambda: f.update([5]))
print(sorted(f.union([9])), type(f.union([9])).__name__)
print(sorted(f.intersection([1, 9])))
print(sorted(f.difference([1])))
print(sorted(f.symmetric_difference([1, 9])))
print(f.issubset([1, 2, 3, 4]), f.issuperset([1]), f.isdisjoint([7]))
print(sorted(f.copy()))
g = f
h = f | {4}
print(sorted(g), sorted(h), g is f)
print(bool(frozenset()), bool(f))
print(sorted(frozenset(range(5))))
print(frozenset([1]) == {1})
print(sorted(frozenset([frozenset([1]), frozenset([2])]), key=lambda x: sorted(x)))
print(len(frozenset(frozenset([1, 2]))))
nested = frozenset([frozenset(['a'])])
print(frozenset(['a']) in nested)
