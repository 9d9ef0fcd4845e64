# int(float) truncates toward zero; special values raise
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


for v in (0.0, -0.0, 0.5, -0.5, 0.99, -0.99, 1.0, 1.5, -1.5, 2.5, 3.7, -3.7, 100.999, -100.999, 1e10, -1e10):
    print(v, int(v))
print(int(1e15))
print(int(1e16))
print(int(1e20))
print(int(-1e20))
print(int(2.0 ** 53))
print(int(2.0 ** 70))
print(int(1.5e30))
print(int(123456789.75))
chk(lambda: int(float('inf')))
chk(lambda: int(float('-inf')))
chk(lambda: int(float('nan')))
print(type(int(3.9)).__name__)
print(int(3.9) + 1)
