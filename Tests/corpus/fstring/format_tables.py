# building aligned text tables with format specs
rows = [('apple', 3, 0.5), ('banana', 12, 0.25), ('kiwi', 100, 1.75)]
print(f'{"name":<10}{"qty":>5}{"price":>8}')
print('-' * 23)
for name, qty, price in rows:
    print(f'{name:<10}{qty:>5d}{price:>8.2f}')
total = sum(q * p for _, q, p in rows)
print(f'{"total":<15}{total:>8.2f}')
print()
print('%-10s%5s%8s' % ('name', 'qty', 'price'))
for name, qty, price in rows:
    print('%-10s%5d%8.2f' % (name, qty, price))
print()
for name, qty, price in rows:
    print('{:>10}|{:^5}|{:<8.3f}|'.format(name, qty, price))
print()
for i in range(1, 4):
    print(' '.join(f'{i * j:3d}' for j in range(1, 6)))
print()
for n in [1, 22, 333, 4444]:
    print(f'{n:>6}{n:>6x}{n:>8b}'[:20])
header = ['id', 'value']
print(' | '.join(f'{h:^7}' for h in header))
for i, v in enumerate([3.14159, 2.71828]):
    print(' | '.join([f'{i:^7}', f'{v:^7.3f}']))
