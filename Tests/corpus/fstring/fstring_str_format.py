# string format specifications
s = 'abc'
print(f'{s:10}|')
print(f'{s:<10}|')
print(f'{s:>10}|')
print(f'{s:^10}|')
print(f'{s:*^9}|')
print(f'{s:->7}|')
print(f'{s:.2}|')
print(f'{s:5.1}|')
print(f'{"toolongstring":5}|')
print(f'{"":3}|')
print(f'{s:s}')
print('{:10}|{:<10}|{:>10}|{:^10}|'.format('a', 'b', 'c', 'd'))
print('{:.3}|{:^7.2}|'.format('truncate', 'centered'))
print('[{:^6}]'.format('odd'))
print('[{:^7}]'.format('ev'))
words = ['apple', 'kiwi', 'banana']
for w in words:
    print(f'{w:<8}{len(w):>3}')
print('{0:>{1}}'.format('r', 4))
print(f'{"x":#<4}{"y":#>4}')
print(f'{"center":=^20}')
