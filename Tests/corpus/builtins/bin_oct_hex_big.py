# bin(), oct(), hex() on big ints
vals = [2 ** 32, 2 ** 63, 2 ** 64, 2 ** 64 - 1, 2 ** 100, -(2 ** 100), 10 ** 30, -(10 ** 30) + 1, 3 ** 50]
for v in vals:
    print(hex(v))
    print(oct(v))
    print(bin(v))
print(int(hex(2 ** 200), 16) == 2 ** 200)
print(int(bin(-(3 ** 40)), 0) == -(3 ** 40))
print(len(bin(2 ** 1000)))
print(hex(2 ** 1000)[:10], hex(2 ** 1000)[-5:])
