# max()/min() with key= and default=
words = ['kiwi', 'fig', 'banana', 'apple', 'plum']
print(max(words, key=len), min(words, key=len))
print(max(words, key=lambda w: w[-1]), min(words, key=lambda w: w[1]))
print(max([-8, 3, 5], key=abs), min([-8, 3, 5], key=abs))
print(max(3, -9, 4, key=abs), min(3, -9, 4, key=abs))
print(max('ab', 'xyz', 'c', key=len), min('ab', 'xyz', 'c', key=len))
print(max([], default='empty'), min([], default=None))
print(max([1, 2], default=0), min([5], default=0))
print(max((), key=len, default='d'), min([], key=abs, default=-1))
print(max(['aa', 'b', 'cc'], key=len))
print(min(['aa', 'b', 'cc', 'd'], key=len))
d = {'x': 3, 'y': 9, 'z': 1}
print(max(d, key=d.get), min(d, key=d.get))
print(max(d.items(), key=lambda kv: kv[1]))
print(min(d.items(), key=lambda kv: kv[1])[0])
pts = [(1, 5), (3, 2), (-4, 0)]
print(max(pts, key=lambda p: p[0] ** 2 + p[1] ** 2))
print(min(pts, key=lambda p: p[1]))
print(max(range(20), key=lambda n: n % 7))
print(min(range(20), key=lambda n: (n % 7, -n)))
print(max(iter([]), default='iter-empty'))
print(max([None], default=1))
calls = []
print(max([3, 1, 2], key=lambda v: calls.append(v) or v))
print(sorted(calls))
