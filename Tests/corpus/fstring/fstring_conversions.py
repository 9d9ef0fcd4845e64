# !r and !s conversions
s = 'text'
print(f'{s}')
print(f'{s!s}')
print(f'{s!r}')
q = "it's"
print(f'{q!r}')
print(f'{123!r} {123!s}')
print(f'{1.5!r} {[1, "a"]!r} {(None, True)!r}')
print(f'{"multi word"!r:>15}')
print(f'{s!r:^10}|')
print(f'{s!s:<8}|')
class C:
    def __repr__(self):
        return 'C-repr'
    def __str__(self):
        return 'C-str'
c = C()
print(f'{c} {c!s} {c!r}')
print('{} {!s} {!r}'.format(c, c, c))
print('{0!r} {0!s}'.format('abc'))
nl = 'esc' + chr(10)
print(f'{nl!r}')
print(f'{b"bytes"!r} {b"bytes"}')
print(f'{None!r} {None!s}')
print('%r %s' % ('x', 'x'))
print(f'{"é"!r}')
