# float floor division and modulo with negative operands
for a in (7.5, -7.5, 7.0, -7.0, 0.5, -0.5):
    for b in (2, -2, 2.5, -2.5):
        print(a, b, a // b, a % b)
print(7 // 2.0, 7 % 2.0)
print(-7 // 2.0, -7 % 2.0)
print(7 // -2.0, 7 % -2.0)
print(5.0 // 0.5, 5.0 % 0.5)
print(1.0 % 1.0)
print(-1.0 % 1.0)
print(0.0 // 1.0)
