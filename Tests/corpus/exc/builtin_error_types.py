# the types of errors raised by common operations
tests = [
    ('1/0', lambda: 1 / 0),
    ('[][0]', lambda: [][0]),
    ('{}[1]', lambda: {}[1]),
    ('int("q")', lambda: int('q')),
    ('None.x', lambda: None.x),
    ('undefined', lambda: undefined_variable),
    ('1 + "a"', lambda: 1 + 'a'),
    ('len(1)', lambda: len(1)),
    ('[].pop()', lambda: [].pop()),
    ('"abc".index("z")', lambda: 'abc'.index('z')),
    ('next(iter([]))', lambda: next(iter([]))),
    ('(1,)[5]', lambda: (1,)[5]),
    ('"s"[9]', lambda: 's'[9]),
    ('int.nope', lambda: int.nope),
    ('[1].remove(2)', lambda: [1].remove(2)),
    ('{}.popitem()', lambda: {}.popitem()),
    ('set().pop()', lambda: set().pop()),
    ('a, b = 1', lambda: exec_unpack()),
    ('hash([])', lambda: hash([])),
    ('chr(-1)', lambda: chr(-1)),
    ('float("x")', lambda: float('x')),
    ('divmod(1, 0)', lambda: divmod(1, 0)),
    ('"x" * 1.5', lambda: 'x' * 1.5),
    ('list(5)', lambda: list(5)),
    ('range(1.5)', lambda: range(1.5)),
    ('assert False', lambda: assert_false()),
    ('raise NotImplementedError', lambda: not_impl()),
]
def exec_unpack():
    a, b = 1
def assert_false():
    assert False
def not_impl():
    raise NotImplementedError
for desc, fn in tests:
    try:
        fn()
        print(desc, 'no error')
    except Exception as e:
        print(desc, '->', type(e).__name__)
