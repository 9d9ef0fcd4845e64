# parenthesized multi-item with statement (Python 3.10 syntax)
class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter
    def __enter__(self):
        print('enter', self.name)
        if self.fail_enter:
            raise RuntimeError('enter failed ' + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print('exit', self.name, None if et is None else et.__name__)
        return False
with (CM('p1') as p1, CM('p2') as p2):
    print('parenthesized', p1, p2)
with (CM('only')):
    print('single in parens')
with (
    CM('x') as x,
    CM('y') as y,
):
    print('trailing comma', x, y)
try:
    with (CM('e1'), CM('e2')):
        raise KeyError('k')
except KeyError:
    print('KeyError after exits')
