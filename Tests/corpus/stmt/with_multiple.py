# with statements with several items
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
with CM('a') as a, CM('b') as b:
    print('body', a, b)
with CM('a'), CM('b'), CM('c'):
    print('three')
try:
    with CM('a'), CM('b'):
        raise ValueError('inside')
except ValueError as e:
    print('caught', e)
try:
    with CM('a'), CM('b', fail_enter=True), CM('c'):
        print('not reached')
except RuntimeError as e:
    print('caught', e)
with CM('outer'):
    with CM('inner'):
        print('nested')
def f():
    with CM('r1') as x, CM('r2') as y:
        return x + y
print(f())
