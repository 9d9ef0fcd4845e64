# str.format positional and keyword fields
print('{} {}'.format('a', 'b'))
print('{0} {1} {0}'.format('x', 'y'))
print('{1}{0}'.format('a', 'b'))
print('{name} is {age}'.format(name='ann', age=30))
print('{0} {name}'.format('pos', name='kw'))
print('{} {} {}'.format(1, 2.5, None))
print('{}'.format([1, 2]))
print('{{}} {}'.format('x'))
print('{{{0}}}'.format('braced'))
print(''.format())
print('no fields'.format(1, 2))
print('{0}{0}{0}'.format('ab'))
print('{:}'.format(5))
print('{!r}'.format('r'))
print('{0!r:>6}'.format('r'))
args = ('A', 'B')
kw = {'k': 'K'}
print('{} {} {k}'.format(*args, **kw))
print('{a}{b}'.format(**{'a': 1, 'b': 2}))
try:
    '{} {}'.format(1)
except IndexError:
    print('IndexError missing positional')
try:
    '{missing}'.format()
except KeyError:
    print('KeyError missing keyword')
try:
    '{0} {}'.format(1, 2)
except ValueError:
    print('ValueError mixing manual and auto')
tmpl = '{0:>5}|{1:<5}|{2:^5}'
for row in [(1, 2, 3), ('a', 'b', 'c')]:
    print(tmpl.format(*row))
print('{:d}{:s}'.format(1, 's'))
print('{:*>8,}'.format(1234567))
