# gmtime/localtime give MicroPython's 8-tuple in UTC; mktime inverts them
import time

for t in (0, 1, 59, 86399, 86400, 951782400, 951868800, 1700000000, 2**31, 4102444800, -1, -86401, 1e9 + 0.9):
    g = time.gmtime(t)
    print(t, g, time.localtime(t) == g, time.mktime(g) == int(t))

print(len(time.gmtime()), len(time.localtime()), time.gmtime()[0] >= 2024)
print(time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)))
print(time.mktime((2000, 1, 1, 0, 0, 0, 5, 1, -1)))
# out-of-range fields are normalised
print(time.gmtime(time.mktime((2000, 13, 1, 0, 0, 0, 0, 0))))
print(time.gmtime(time.mktime((2001, 2, 29, 24, 60, 60, 0, 0))))
print(time.gmtime(time.mktime((2000, 0, 0, 0, 0, -1, 0, 0))))
# weekdays: Monday is 0
print([time.gmtime(time.mktime((2024, 1, d, 12, 0, 0, 0, 0)))[6] for d in range(1, 8)])
print([time.gmtime(time.mktime((y, 12, 31, 0, 0, 0, 0, 0)))[7] for y in (1999, 2000, 2023, 2024)])
try:
    time.mktime((2000, 1, 1))
except TypeError:
    print("TypeError")
