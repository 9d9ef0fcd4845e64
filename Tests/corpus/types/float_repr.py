# repr/str of common float values
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.25, 1.5, 2.75, 3.14, 100.0, 1e3,
        123456.789, 1e15, 1e16, 1e17, 1e22, 1e100, 1.5e-7, 1e-4, 1e-5, 0.001,
        2.5e-5, 12345678.0, 1e-300, 299792458.0,
        6.02e23, -2.5e-3, 0.3, 1.1, 9.99]
for v in vals:
    print(repr(v), str(v))
print([0.5, 1e16, -0.0])
print((1.5,))
print({1.5: 2.5})
print(float(10))
print(10 / 2)
print(3.0 * 2)
print(1e16 + 0)
print(2.0 ** 53)
print(2.0 ** 63)
print(-1e-7)
