# str.format with different value types
print('{} {} {} {}'.format(1, 1.5, 'str', None))
print('{} {}'.format(True, False))
print('{} {}'.format([1, 2], (3,)))
print('{}'.format({'k': 1}))
print('{:d} {:d}'.format(0, 255))
print('{:.2f} {:.0f}'.format(1, 2))
print('{:5}|{:<5}|'.format(1.5, 1.5))
print('{:e}'.format(1))
print('{:s}'.format('only str'))
try:
    '{:d}'.format('str')
except ValueError:
    print('ValueError: d with str')
try:
    '{:s}'.format(5)
except ValueError:
    print('ValueError: s with int')
try:
    '{:f}'.format('x')
except ValueError:
    print('ValueError: f with str')
print('{:10}|'.format(2 ** 40))
print('{:,}'.format(2 ** 40))
print('{:b}'.format(2 ** 40))
