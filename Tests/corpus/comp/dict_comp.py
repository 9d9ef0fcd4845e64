# dict comprehensions
d = {x: x * x for x in range(5)}
print(sorted(d.items()))
print(d[3], len(d))
print(sorted({k: v for k, v in [('a', 1), ('b', 2)]}.items()))
print(sorted({v: k for k, v in {'x': 1, 'y': 2}.items()}.items()))
print(sorted({c: 'aeiou'.count(c) for c in 'banana'}.items()))
print({x: x for x in range(3) if x > 5})
print(sorted({i % 3: i for i in range(10)}.items()))
words = ['apple', 'bob', 'cat', 'avocado', 'banana']
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(sorted(by_letter.items()))
print(sorted({(i, j): i * j for i in range(2) for j in range(2)}.items()))
print(type({1: 2 for _ in range(1)}).__name__)
print(sorted({k: len(k) for k in ['one', 'three', 'seven']}.items()))
inv = {'a': 1, 'b': 2, 'c': 1}
grouped = {v: sorted(k for k in inv if inv[k] == v) for v in inv.values()}
print(sorted(grouped.items()))
print(sorted({str(i): i ** 2 for i in range(4)}.items()))
keys = ['k1', 'k2']
vals = [10, 20]
print(sorted({k: v for k, v in zip(keys, vals)}.items()))
print(sorted({x: (x if x % 2 else -x) for x in range(5)}.items()))
nested = {o: {i: o * i for i in range(2)} for o in range(2)}
print(sorted((k, sorted(v.items())) for k, v in nested.items()))
print(sum({x: x for x in range(10)}.values()))
order = {k: None for k in 'zyx'}
