# integer comparisons, chained comparisons, mixed with bool and float
print(1 < 2, 2 < 1, 1 < 1)
print(1 <= 1, 1 >= 1, 2 >= 3)
print(5 == 5, 5 != 5, 5 != 6)
print(-1 < 0, -1 > -2)
print(1 < 2 < 3, 1 < 3 < 2)
print(3 > 2 > 1 > 0)
print(1 == 1 == 1, 1 == 1 == 2)
print(0 == False, 1 == True, 2 == True)
print(1 == 1.0, 1 < 1.5, 2 > 1.99)
print(-3 < -2.5)
print(10 ** 9 < 10 ** 10)
print(2 ** 31 > 2 ** 31 - 1)
print(2 ** 40 == 1099511627776)
print(-(2 ** 40) < -(2 ** 39))
print(max(3, 7, -2), min(3, 7, -2))
print(sorted([5, -1, 3, 0, -7, 2]))
vals = [0, 1, -1, 2, -2]
for a in vals:
    print(a, [a < b for b in vals], [a == b for b in vals])
print(1 != 1.0)
print(0 == -0)
print(0 == 0.0 == -0.0)


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: 1 < 'a')
chk(lambda: 1 == 'a')
chk(lambda: 1 != '1')
chk(lambda: 1 < [1])
chk(lambda: 1 >= None)
