# assert statements
assert True
assert 1 == 1, 'not printed'
print('passed simple asserts')
try:
    assert False
except AssertionError as e:
    print('AssertionError', e.args)
try:
    assert 1 == 2, 'one is not two'
except AssertionError as e:
    print('caught:', e)
    print(e.args)
try:
    assert [], ('tuple', 'message')
except AssertionError as e:
    print(e.args)
try:
    assert 0, 42
except AssertionError as e:
    print(e.args[0] + 1)
calls = []
def msg():
    calls.append('msg')
    return 'm'
assert True, msg()
print(calls)
try:
    assert None, msg()
except AssertionError as e:
    print(str(e), calls)
def check(x):
    assert x > 0, 'x must be positive: %d' % x
    return x * 2
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(e)
print(isinstance(AssertionError(), Exception))
try:
    assert (1, 2)
    print('non-empty tuple is true')
except AssertionError:
    print('unexpected')
