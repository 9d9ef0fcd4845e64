# bool() of every builtin type, empty and non-empty
samples = [
    ('NoneType', None),
    ('bool', False), ('bool', True),
    ('int', 0), ('int', 7), ('int', -1), ('bigint', 2 ** 100), ('bigint', -(2 ** 100)),
    ('float', 0.0), ('float', -0.0), ('float', 0.1), ('float', float('nan')),
    ('complex', 0j), ('complex', 1j), ('complex', complex(0, 0)),
    ('str', ''), ('str', ' '), ('str', '0'),
    ('bytes', b''), ('bytes', b'\x00'),
    ('bytearray', bytearray()), ('bytearray', bytearray(1)),
    ('memoryview', memoryview(b'')), ('memoryview', memoryview(b'x')),
    ('list', []), ('list', [None]),
    ('tuple', ()), ('tuple', ((),)),
    ('dict', {}), ('dict', {None: None}),
    ('set', set()), ('set', {0}),
    ('frozenset', frozenset()), ('frozenset', frozenset([0])),
    ('range', range(0)), ('range', range(3, 3)), ('range', range(1)),
    ('type', int), ('function', len),
]
for name, v in samples:
    print(name, bool(v), not v, 'truthy' if v else 'falsy')
print(bool(), type(bool()).__name__)
print(bool(object()))
