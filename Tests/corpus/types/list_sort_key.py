# sort with key= on values with distinct keys
words = ['banana', 'Apple', 'cherry', 'date', 'fig']
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: w[-1] + w))
print(sorted(words, key=lambda w: ''.join(reversed(w))))
nums = [-5, 3, -1, 4, -2]
print(sorted(nums, key=abs))
print(sorted(nums, key=abs, reverse=True))
print(sorted(nums, key=lambda x: -x))
pairs = [(1, 'd'), (3, 'a'), (2, 'c'), (4, 'b')]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
recs = [{'n': 'x', 'v': 3}, {'n': 'y', 'v': 1}, {'n': 'z', 'v': 2}]
recs.sort(key=lambda r: r['v'])
print([r['n'] for r in recs])
recs.sort(key=lambda r: r['n'], reverse=True)
print([r['n'] for r in recs])
l = [3, 1, 2]
l.sort(key=None)
print(l)
print(sorted([[2, 1], [1, 3], [3, 0]], key=lambda x: x[1]))
print(sorted(range(10), key=lambda x: (x % 3, x)))
print(sorted('a1B2c3', key=lambda c: (c.isdigit(), c.lower())))
calls = []


def k(x):
    calls.append(x)
    return -x


print(sorted([1, 2, 3], key=k))
print(sorted(calls))
print(max(words, key=len), min(words, key=len))
print(sorted({'b': 2, 'a': 3, 'c': 1}.items(), key=lambda kv: kv[1]))
print(sorted(['aaa', 'b', 'cc'], key=len, reverse=True))
print(sorted([(0, 'x'), (-2, 'y'), (1, 'z')], key=lambda t: t[0] * t[0]))
