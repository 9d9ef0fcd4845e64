# ranges with negative steps
for r in (range(10, 0, -1), range(10, 0, -3), range(0, -10, -2), range(5, 5, -1),
          range(0, 5, -1), range(-1, -8, -3), range(3, -3, -1)):
    print(r, len(r), list(r))
r = range(20, 0, -4)
print(r[0], r[-1], r[1:3], list(r[1:3]))
print(r.start, r.stop, r.step)
print(16 in r, 15 in r, 0 in r, 20 in r)
print(list(reversed(r)))
print(sum(range(100, 0, -1)))
print(list(range(10, -1, -5)))
print(max(range(9, 0, -2)), min(range(9, 0, -2)))
countdown = []
for i in range(3, 0, -1):
    countdown.append(i)
print(countdown, 'liftoff')
print(len(range(-100, 100, 7)), len(range(100, -100, -7)))
print(list(range(1, -2, -1)))
print(sorted(range(5, 0, -1)) == list(range(1, 6)))
print(range(9, -1, -3)[::-1], list(range(9, -1, -3)[::-1]))
print(list(range(-5, -1)), list(range(-1, -5, -1)))
