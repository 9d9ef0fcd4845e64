# round() to integer uses round-half-to-even
for v in (0.5, 1.5, 2.5, 3.5, 4.5, 5.5, -0.5, -1.5, -2.5, -3.5, 0.49, 0.51, 1.4999, 2.5001, -2.4999):
    r = round(v)
    print(v, r, type(r).__name__)
print(round(2.5) == 2, round(3.5) == 4)
print(round(1e15 + 0.5))
print(round(7), round(-7), round(0))
print(round(True), round(False))
print(round(2 ** 70), round(-(2 ** 70)))
print(type(round(5)).__name__)
print([round(x / 2) for x in range(-6, 7)])
print(sum(round(x + 0.5) for x in range(10)))
try:
    round('1.5')
except TypeError:
    print('TypeError')
try:
    round(None)
except TypeError:
    print('TypeError')
