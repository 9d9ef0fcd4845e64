# range() builtin used in loops and conversions
print(list(range(5)))
print(list(range(2, 6)))
print(list(range(0, 20, 5)))
print(list(range(5, 0, -1)))
print(list(range(-3, 3)))
print(list(range(0)))
print(list(range(3, 3)))
print(list(range(0, 10, 20)))
print(tuple(range(3)))
print(sum(range(1, 11)))
print(len(range(0, 1000, 7)))
print([i * i for i in range(6)])
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3):
    for j in range(i):
        print(i, j)
print(list(range(10))[::2] == list(range(0, 10, 2)))
print(range(5)[2], range(5)[-1])
print(3 in range(5), 5 in range(5))
print(list(zip(range(3), range(10, 13))))
print(dict(zip(range(3), 'abc')))
print(min(range(5, 10)), max(range(5, 10)))
print(sorted(range(3), reverse=True))
print(list(map(lambda x: x * 2, range(4))))
print(repr(range(1, 10, 2)))
try:
    range(1, 2, 0)
except ValueError:
    print('ValueError')
try:
    range('1')
except TypeError:
    print('TypeError')
print(list(range(True, 3)))
