# format spec: width, alignment, fill for strings and numbers
for spec in ('', '5', '<5', '>5', '^5', '*<5', '*>5', '*^5', '-^7', '0>4', '.>6'):
    f = '{:' + spec + '}'
    print(repr(spec), repr(f.format('ab')), repr(f.format(7)))
print(repr('{:3}'.format('abcdef')))
print(repr('{:.3}'.format('abcdef')))
print(repr('{:6.2}'.format('abcdef')))
print(repr('{:>6.2}'.format('abcdef')))
print(repr('{:^6.2}'.format('abcdef')))
print(repr('{:^11}'.format('centre')))
print(repr('{:^12}'.format('centre')))
print('|{:<10}|{:^10}|{:>10}|'.format('left', 'mid', 'right'))
print('|{:<10}|{:^10}|{:>10}|'.format(1, 2, 3))
print('|{:_<10}|{:_^10}|{:_>10}|'.format(1.5, 2.5, 3.5))
rows = [('apple', 3, 1.25), ('kiwi', 12, 0.5), ('banana', 100, 10.0)]
for name, qty, price in rows:
    print('{:<8}{:>5}{:>8.2f}'.format(name, qty, price))
print('{:=>12}'.format(''))
print('{:#^12}'.format('x'))
