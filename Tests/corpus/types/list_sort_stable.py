# stability: items with equal keys keep their original relative order
# (CPython guarantees a stable sort; this file checks that guarantee)
data = [('b', 2), ('a', 1), ('c', 2), ('d', 1), ('e', 3), ('f', 2), ('g', 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
l = list(data)
l.sort(key=lambda t: t[1])
print(l)
words = ['pear', 'fig', 'apple', 'kiwi', 'plum', 'date', 'lime', 'banana', 'yam']
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
recs = [(i, i % 3) for i in range(15)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
# sort by secondary key then primary key: classic two-pass stable sort
people = [('amy', 30), ('bob', 25), ('cat', 30), ('dan', 25), ('eve', 35)]
by_name = sorted(people, key=lambda p: p[0], reverse=True)
by_age = sorted(by_name, key=lambda p: p[1])
print(by_age)
m = ['B', 'a', 'A', 'b', 'c', 'C']
m.sort(key=str.lower)
print(m)
m.sort(key=str.lower, reverse=True)
print(m)
nums = [3.0, 3, 1, 1.0, 2, 2.0]
print(sorted(nums))
print([type(x).__name__ for x in sorted(nums)])
many = [(k % 4, k) for k in range(40)]
res = sorted(many, key=lambda t: t[0])
print([t[1] for t in res])
for key in (0, 1, 2, 3):
    print(key, [t[1] for t in res if t[0] == key])
grades = [('x', 'B'), ('y', 'A'), ('z', 'B'), ('w', 'A'), ('v', 'C')]
for g in sorted(grades, key=lambda t: t[1]):
    print(g)
flags = [True, False, True, False]
tagged = list(zip(flags, 'abcd'))
print(sorted(tagged, key=lambda t: t[0]))
