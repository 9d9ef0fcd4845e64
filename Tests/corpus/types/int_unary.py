# unary operators, abs, and int identities
for v in (0, 1, -1, 7, -7, 1000, -1000, 2 ** 31, -(2 ** 31)):
    print(v, -v, +v, ~v, abs(v), -(-v) == v, ~~v == v)
print(-(-(-5)))
print(--5)
print(+-+5)
print(~-~-3)
print(abs(-0))
print(abs(True))
print(abs(False))
print(-True, -False)
print(type(abs(-5)).__name__)
print(type(-True).__name__)
print(type(~True).__name__)
x = 5
y = -x
print(x, y)
print(-x * -y)
print(-(x - y))
print(abs(x - 10) + abs(10 - x))
