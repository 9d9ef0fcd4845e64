# truth values of builtin objects
vals = [0, 1, -1, 0.0, 0.5, '', ' ', 'a', [], [0], (), (None,), {}, {0: 0}, set(), {0},
        None, True, False, range(0), range(1), b'', b'\x00', bytearray(), 2 ** 100, -(2 ** 100)]
for v in vals:
    print(repr(v) if not isinstance(v, (set, range)) else type(v).__name__, bool(v), not v)
count = 0
for v in vals:
    if v:
        count += 1
print(count)
print(sum(1 for v in vals if not v))
print(all(vals), any(vals))
print(bool(), bool(None))
x = []
while x:
    print('never')
print('done')
print([v for v in vals[:6] if v])
