# range: construction, repr, len, iteration, attributes
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


for r in (range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(-3, 3)):
    print(r, len(r), list(r))
print(repr(range(3)), str(range(1, 4, 2)))
r = range(1, 20, 4)
print(r.start, r.stop, r.step)
print(range(7).start, range(7).stop, range(7).step)
print(list(range(-5)))
print(list(range(0, -5, -1)))
print(list(range(1, 2, 100)))
print(len(range(0, 100, 7)), len(range(100, 0, -7)))
print(sum(range(101)))
print(type(range(1)).__name__)
chk(lambda: range(0, 10, 0))
chk(lambda: range(1.5))
chk(lambda: range('a'))
chk(lambda: range())
chk(lambda: range(1, 2, 3, 4))
print(bool(range(0)), bool(range(1)))
print(list(range(2 ** 40, 2 ** 40 + 3)))
print(len(range(2 ** 40)))
print(range(3) is not range(3))
for i in range(3):
    print('i =', i)
