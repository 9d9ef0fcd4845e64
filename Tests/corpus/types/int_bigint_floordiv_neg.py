# big int floor division and modulo with negative operands (floor semantics)
A = 10 ** 25 + 3
B = 10 ** 12 + 7
for a in (A, -A):
    for b in (B, -B, 7, -7):
        q, r = divmod(a, b)
        print(q, r, a // b == q, a % b == r, q * b + r == a)
print(-(2 ** 100) // 3)
print(-(2 ** 100) % 3)
print(2 ** 100 // -3)
print(2 ** 100 % -3)
print(-(2 ** 100) // -3)
print(-(2 ** 100) % -3)
print(-1 // 10 ** 30)
print(-1 % 10 ** 30)
print(1 // -(10 ** 30))
print(1 % -(10 ** 30))
print(-(10 ** 30) // 10 ** 30)
print(-(10 ** 30) % 10 ** 30)
print(-(10 ** 30) // (10 ** 30 + 1))
print(-(10 ** 30) % (10 ** 30 + 1))
print(divmod(-(2 ** 64), 2 ** 32))
print(divmod(-(2 ** 64) - 1, 2 ** 32))
print(divmod(2 ** 64 + 1, -(2 ** 32)))
