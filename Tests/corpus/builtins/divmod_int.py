# divmod() with int arguments, including big and negative
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (5, 1), (1, 5), (-1, 5),
         (10 ** 20, 7), (-(10 ** 20), 7), (10 ** 20, -7), (2 ** 64, 2 ** 32), (123456789, 1000)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a, (a // b, a % b) == (q, r))
try:
    divmod(1, 0)
except ZeroDivisionError:
    print('ZeroDivisionError')
try:
    divmod(10 ** 30, 0)
except ZeroDivisionError:
    print('ZeroDivisionError')
try:
    divmod('a', 1)
except TypeError:
    print('TypeError')
try:
    divmod(1)
except TypeError:
    print('TypeError')
secs = 100000
m, s = divmod(secs, 60)
h, m = divmod(m, 60)
d, h = divmod(h, 24)
print(d, h, m, s)
print(type(divmod(5, 2)).__name__)
print(divmod(True, True))
