# divmod() with float arguments
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.25), (5, 0.5), (-5, 0.5),
         (0.0, 3.0), (9.0, 3), (2.5, 2.5), (1, 4.0), (-1, 4.0)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, q, r)
print(divmod(float('inf'), 1.0)[1] != divmod(float('inf'), 1.0)[1])
try:
    divmod(1.5, 0.0)
except ZeroDivisionError:
    print('ZeroDivisionError')
try:
    divmod(1.5, 0)
except ZeroDivisionError:
    print('ZeroDivisionError')
print(type(divmod(7.0, 2)[0]).__name__, type(divmod(7, 2.0)[1]).__name__)
total = 12345.5
mins, secs = divmod(total, 60)
print(mins, secs)
hrs, mins = divmod(mins, 60)
print(hrs, mins)
print(divmod(2 ** 40, 0.5))
print(divmod(10, 2.5))
print(divmod(-0.75, 0.5))
