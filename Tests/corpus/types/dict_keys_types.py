# keys of various hashable types
d = {}
d[1] = 'int'
d['1'] = 'str'
d[2.5] = 'float'
d[(1, 2)] = 'tuple'
d[None] = 'none'
d[b'1'] = 'bytes'
d[frozenset([1])] = 'frozenset'
d[10 ** 30] = 'bigint'
d[-7] = 'neg'
d[1j] = 'complex'
print(len(d))
print(d[1], d['1'], d[2.5], d[(1, 2)], d[None])
print(d[b'1'], d[frozenset([1])], d[10 ** 30], d[-7], d[1j])
print(d[1.0], d[True])
print(1 in d, 1.0 in d, '1' in d, b'1' in d)
print(10 ** 30 in d, 10 ** 30 + 1 in d)
print(frozenset({1}) in d)
d[True] = 'bool overwrites int'
print(d[1])
print(len(d))
e = {0: 'zero'}
e[False] = 'false'
e[0.0] = 'float zero'
print(e, len(e))


def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: {[1]: 1})
chk(lambda: {{}: 1})
chk(lambda: {set(): 1})
chk(lambda: {bytearray(b'x'): 1})
chk(lambda: d[[1]])


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 5

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v


m = {K(1): 'one', K(6): 'six'}
print(m[K(1)], m[K(6)], K(11) in m)
print(len(m))
m[K(11)] = 'eleven'
print(len(m), m[K(11)])
print(sorted(k.v for k in m))
print(K(16) in m, K(21) in m)
