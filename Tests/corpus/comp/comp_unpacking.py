# unpacking targets in comprehensions
pairs = [(1, 'a'), (2, 'b'), (3, 'c')]
print([n for n, _ in pairs])
print([s * n for n, s in pairs])
print({s: n for n, s in pairs} == {'a': 1, 'b': 2, 'c': 3})
triples = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in triples])
print([(first, rest) for first, *rest in ['abc', 'de', 'f']])
print([i * v for i, v in enumerate([10, 20, 30])])
print([k + str(v) for k, v in sorted({'x': 1, 'y': 2}.items())])
print([a for a, in [(1,), (2,)]])
print([x + y for x, y in zip('ab', 'cd')])
matrix = [[1, 2], [3, 4]]
print([a * d - b * c for (a, b), (c, d) in [matrix]])
print(sorted((v, k) for k, v in {'p': 3, 'q': 1}.items()))
