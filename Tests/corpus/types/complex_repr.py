# repr/str of complex numbers
vals = [1j, complex(0, -1), 2j, 0j, 1 + 2j, 1 - 2j, -1 + 2j, -1 - 2j, 1.5 + 0.5j,
        complex(1, 0), complex(-1, 0), complex(0, 0.5), 3 + 0j, 10 + 100j,
        0.25 - 0.75j, complex(1e10, 1), complex(1, 1e-5)]
for v in vals:
    print(repr(v), str(v))
print([1j, 1 + 1j])
print((2j,))
print({1j: 'i'})
print('%s' % (1 + 1j))
print('{}'.format(2 - 3j))
print(str(complex(2, -0.5)))
print(complex(float('inf'), 1))
print(complex(1, float('inf')))
print(1j * 1j)
print(2j * 2j)
print(-(1 + 1j))
