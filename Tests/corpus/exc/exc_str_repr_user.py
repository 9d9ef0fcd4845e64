# str() and repr() of user-raised exceptions with explicit messages
cases = [ValueError(), ValueError('a', 'b'), TypeError(1, 2, 3), RuntimeError('x', None)]
for e in cases:
    print(str(e), '|', repr(e))
for e in [ValueError('msg'), KeyError(7), IndexError('index msg'), Exception('generic')]:
    print(str(e), '|', e.args)
class Mine(Exception):
    pass
for e in [Mine(), Mine('one'), Mine('one', 'two')]:
    print(str(e), '|', e.args)
print(repr(Mine()), repr(Mine('p', 'q')))
try:
    raise ValueError('formatted %d' % 42)
except ValueError as e:
    print('message:', e)
    print('formatted: {}'.format(e))
    print(f'f-string: {e}')
    print('percent: %s' % e)
