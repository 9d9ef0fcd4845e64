# building sets from iterables and using them for dedup
print(sorted(set([3, 1, 3, 2, 1])))
print(sorted(set('mississippi')))
print(sorted(set(b'hello')))
print(sorted(set(range(0, 20, 3))))
print(sorted(set((1, 1, 2))))
print(sorted(set({'k1': 1, 'k2': 2})))
print(sorted(set({'k1': 1}.values())))
print(sorted(set(x % 5 for x in range(100))))
print(sorted(set(map(len, ['a', 'bb', 'cc', 'ddd']))))
print(sorted(set(zip('ab', 'ab'))))
print(sorted(set(frozenset([1, 2]))))
print(sorted(set(set([9, 8]))))
print(len(set()))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
print(len(words), len(set(words)))
print(sorted(set(words)))
uniq = []
seen = set()
for w in words:
    if w not in seen:
        seen.add(w)
        uniq.append(w)
print(uniq)
print(sorted({c.lower() for c in 'AbCaBc'}))
print(sorted(set('abc') | set('bcd')))
print(len(set(range(1000))))
print(sorted(set([1, 2]) & set([2, 3])))
print(sorted(set([(1, 'a'), (1, 'a'), (2, 'b')])))
try:
    set([[1]])
except TypeError:
    print('TypeError')
try:
    set(5)
except TypeError:
    print('TypeError')
print(sorted(set([True, 1, 0, False])))
print(sorted(set([0.5, 1, 1.0])))
