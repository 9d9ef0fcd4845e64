# chained comparisons
x = 5
print(1 < x < 10)
print(1 < x > 10)
print(1 < 2 < 3 < 4 < 5)
print(1 < 2 < 3 > 4)
print(5 == x == 5.0)
print(1 <= 1 < 2 <= 2)
print(3 > 2 > 1 > 0)
print(3 > 2 > 2)
print(1 == 1 != 2)
print(1 != 1 == 1)
print(1 < 3 in [3, 4])
print(2 in [1, 2] in [[1, 2]])
print('a' < 'b' < 'c')
print('b' < 'a' < 'c')
print(None is None is None)
print(1 is not None is not False)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(3) < v(2) < v(5))
print(calls)
calls.clear()
print(v(1) == v(1) == v(2) == v(3))
print(calls)
calls.clear()
print(v(1) < v(5) > v(2) < v(9))
print(calls)
for a in range(4):
    print(a, 0 < a < 3, 0 <= a <= 2 < 3)
lo, hi = 2, 8
print([n for n in range(12) if lo <= n < hi])
print(1 < 2.5 < 3)
print(0.0 == 0 == False)
