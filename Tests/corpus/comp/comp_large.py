# comprehensions producing larger results
squares = [i * i for i in range(1000)]
print(len(squares), squares[-1], sum(squares))
evens = {i for i in range(2000) if i % 2 == 0}
print(len(evens), 1998 in evens, 1999 in evens)
d = {i: str(i) for i in range(500)}
print(len(d), d[499], d[0])
grid = [[r * 100 + c for c in range(50)] for r in range(50)]
print(len(grid), grid[49][49], sum(map(sum, grid)))
flat = [x for row in grid for x in row if x % 7 == 0]
print(len(flat), flat[:5], flat[-1])
strings = ['item%d' % i for i in range(300)]
print(strings[0], strings[-1], sum(len(s) for s in strings))
nested_gen = sum(sum(j for j in range(i)) for i in range(200))
print(nested_gen)
