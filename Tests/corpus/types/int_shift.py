# left and right shifts of small ints, negatives and errors
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


for n in (0, 1, 3, 10, 31, 32, 33, 62, 63, 64, 65):
    print(n, 1 << n)
for n in (0, 1, 2, 5, 10, 40):
    print(n, 1000000 >> n, -1000000 >> n)
print(-1 >> 1)
print(-1 >> 100)
print(-2 >> 1)
print(-3 >> 1)
print(-5 << 3)
print(7 >> 3)
print(0 << 100)
print(0 >> 100)
print(12345 << 0)
chk(lambda: 1 << -1)
chk(lambda: 1 >> -1)
chk(lambda: 1 << 1.0)
chk(lambda: 1.0 << 1)
print(255 >> 4 << 4)
print((1 << 8) - 1)
x = 3
x <<= 5
print(x)
x >>= 2
print(x)
