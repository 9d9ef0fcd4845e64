# micropython.const: values are substituted at compile time
from micropython import const
X = const(123)
Y = const(X + 456)
MASK = const(0x01 | 0x04)
SHIFTED = const(1 << 10)
print(X, Y + 1)
print(MASK, SHIFTED)
def f():
    return X * 2, Y - X
print(f())
print(const(7) + 1)
