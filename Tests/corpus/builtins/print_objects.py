# print() uses str() on each argument, including user classes
class S:
    def __str__(self):
        return 'S-str'


class R:
    def __repr__(self):
        return 'R-repr'


class Both:
    def __str__(self):
        return 'both-str'

    def __repr__(self):
        return 'both-repr'


print(S())
print(R())
print(Both())
print([Both()], (Both(),), {'k': Both()})
print(S(), R(), Both(), sep=' / ')
print('%s %r' % (Both(), Both()))
print(str(Both()), repr(Both()))
print(1, '1', [1, '1'])
print(0.5, 1e16, -0.0)
print(1j, -2 + 3j)
print(None, True, False)
print('multi\nline')
print('tab\there')
print(range(3), slice(1, 2))
print(int, str)
print(2 ** 100)
print(['quote\'s', 'dq"s'])
print({'a': [1, {'b': (2, 3)}]})
print(set(), frozenset())
print(b'\x00\xff', bytearray(b'\n'))
print('unicode: héllo 日本 😀')
print([], (), {})
print(((1,),), [[[]]])
print(chr(65), ord('A'))
