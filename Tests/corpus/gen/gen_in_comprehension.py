# generators used inside comprehensions
def gen(n):
    for i in range(n):
        yield i
print([x * 2 for x in gen(4)])
print({x: x * x for x in gen(4)} == {0: 0, 1: 1, 2: 4, 3: 9})
print(sorted({x % 2 for x in gen(10)}))
print([list(gen(i)) for i in range(4)])
print([y for x in gen(4) for y in gen(x)])
print(sum(sum(gen(i)) for i in range(5)))
print([x for x in gen(10) if x in gen(5)])
print([(a, b) for a, b in zip(gen(3), gen(10))])
def words():
    yield 'alpha'
    yield 'beta'
    yield 'gamma'
print({w[0]: w for w in words()} == {'a': 'alpha', 'b': 'beta', 'g': 'gamma'})
print([len(w) for w in words() if 'a' in w])
g = gen(5)
first_two = [next(g) for _ in range(2)]
print(first_two, list(g))
print(list(enumerate(gen(3))))
print([i for i, _ in enumerate(words())])
nested = [[x * y for y in gen(3)] for x in gen(3)]
print(nested)
print(max((len(w), w) for w in words()))
def squares():
    for v in gen(6):
        yield v * v
print([s for s in squares() if s % 2 == 0])
print(sorted((x for x in gen(5)), reverse=True))
