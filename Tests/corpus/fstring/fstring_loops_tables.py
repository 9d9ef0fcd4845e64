# f-strings built in loops
for i in range(1, 6):
    print(f'{i:2d} {i * i:3d} {i ** 3:4d} {1 / i:.3f}')
names = ['ann', 'bob', 'charlotte']
width = max(len(n) for n in names)
for n in names:
    print(f'|{n:<9}|{n:^9}|{n:>9}|')
for n in names:
    print(f'{n[0].upper() + n[1:]} has {len(n)} letters')  # no str.title() in MicroPython
row = ' '.join(f'{c:>3}' for c in 'abcde')
print(row)
print(', '.join(f'{k}={v}' for k, v in sorted({'b': 2, 'a': 1}.items())))
bar = lambda n: f'{"#" * n:<10}|{n}'
for n in (0, 3, 10):
    print(bar(n))
for temp in (-5.5, 0.0, 21.25, 100.0):
    print(f'{temp:6.1f}C = {temp * 9 / 5 + 32:6.1f}F')
