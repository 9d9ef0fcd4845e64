# generator expressions in function calls and comprehensions
print(sum(x * x for x in range(10)))
print(max(len(s) for s in ['a', 'abcd', 'ab']))
print(min(x for x in [5, 3, 8]))
print(any(c.isdigit() for c in 'abc1'), all(c.isalpha() for c in 'abc1'))
print(list(x for x in 'abc'))
print(tuple(x * 2 for x in range(3)))
print(sorted((x for x in [3, 1, 2]), reverse=True))
print(''.join(c for c in 'h-e-l-l-o' if c != '-'))
print(dict((k, v) for k, v in [('a', 1)]))
g = (x for x in range(3))
print(next(g), list(g), list(g))
print(sum(1 for _ in range(50)))
print([list(x for x in range(n)) for n in range(3)])
print(sorted(set(x % 4 for x in range(20))))
print(list(zip((x for x in 'ab'), (y for y in range(10)))))
total = 0
for v in (x * 3 for x in range(4)):
    total += v
print(total)
print(list(map(str, (x for x in range(3)))))
print(sum(x for x in range(10) if x % 2) / 5)
def gen_from_comp():
    return (i * j for i in range(3) for j in range(3) if i != j)
print(list(gen_from_comp()))
