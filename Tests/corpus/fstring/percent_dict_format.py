# % formatting with mappings and mixed values
data = {'name': 'widget', 'qty': 3, 'price': 2.5}
print('%(name)s: %(qty)d @ %(price).2f' % data)
print('%(qty)03d|%(name)-8s|%(price)8.3f|' % data)
print('%(name)r' % data)
print('%(qty)x %(qty)o' % data)
print('%(missing)s' % {'missing': None})
try:
    '%(nope)s' % data
except KeyError:
    print('KeyError missing key')
print('%s %s' % ('one', 2))
print('%s' % [1, 2])
print('%s' % {'a': 1})
print('%-6s|%6s|' % ('ab', 'cd'))
print('%5.2s|' % 'abcdef')
print('%.3d' % 7)
print('%+5d|%-+5d|' % (3, 3))
print('[%c]' % 'x')
print('%d%%' % 50)
