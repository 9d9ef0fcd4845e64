# generator expressions
g = (x * x for x in range(5))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(list(g))
print(sum(x for x in range(10)))
print(sum(x for x in range(10) if x % 2))
print(max(len(w) for w in ['a', 'abc', 'ab']))
print(list((x, y) for x in range(3) for y in range(x)))
print(sorted(c.upper() for c in 'hello'))
print(''.join(str(i) for i in range(5)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -1]))
print(tuple(i for i in 'abc'))
print(dict((k, len(k)) for k in ['x', 'yy']) == {'x': 1, 'yy': 2})
print(set(x % 3 for x in range(10)) == {0, 1, 2})
def consume(it):
    return [v for v in it]
print(consume(x + 1 for x in range(3)))
nested = ((x, (y for y in range(x))) for x in range(3))
print([(a, list(b)) for a, b in nested])
data = [1, 2, 3]
g2 = (d * 10 for d in data)
data.append(4)
print(list(g2))
data2 = [1, 2]
g3 = (d for d in data2)
data2 = [9, 9]
print(list(g3))
lazy_log = []
def v(n):
    lazy_log.append(n)
    return n
g4 = (v(i) for i in range(3))
print(lazy_log)
next(g4)
print(lazy_log)
print(list(x for x in []))
print(sum((x for x in range(4)), 100))
