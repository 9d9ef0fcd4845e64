# mixing f-strings, str.format and % in one program
value = 1234.5678
label = 'total'
print(f'{label}: {value:.2f}')
print('{}: {:.2f}'.format(label, value))
print('%s: %.2f' % (label, value))
print(f'{label:>10}: {value:>12,.1f}')
print('{:>10}: {:>12,.1f}'.format(label, value))
template = '{0} | {1:^7} | {2:>5}'
print(template.format('a', 'b', 'c'))
print(template.format(1, 2.5, 'c'))
parts = [f'{i}' for i in range(5)]
print('+'.join(parts), '=', sum(range(5)))
msg = 'x=%d' % 5 + f', y={6}' + ', z={}'.format(7)
print(msg)
print(f'{"%d" % 42} {"{}".format(43)}')
print(len(f'{value:20.3f}'), len('%20.3f' % value), len('{:20.3f}'.format(value)))
