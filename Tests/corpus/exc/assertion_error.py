# AssertionError details
def check_positive(x):
    assert x > 0, 'expected positive, got %r' % (x,)
    return x
for v in [1, 0, -3, 2.5]:
    try:
        print(check_positive(v))
    except AssertionError as e:
        print('AssertionError:', e)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print(e.args, str(e) == '')
try:
    assert isinstance('x', int), ['list', 'message']
except AssertionError as e:
    print(e.args[0])
def validate(data):
    assert isinstance(data, dict), 'not a dict'
    assert 'id' in data, 'missing id'
    assert data['id'] > 0, 'bad id'
    return 'valid'
for d in [[], {}, {'id': 0}, {'id': 7}]:
    try:
        print(validate(d))
    except AssertionError as e:
        print('invalid:', e)
try:
    raise AssertionError('manual', 1)
except AssertionError as e:
    print(e.args)
print(issubclass(AssertionError, Exception))
