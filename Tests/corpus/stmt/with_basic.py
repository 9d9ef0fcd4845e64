# with statement basics
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type is None, exc is None, tb is None)
        return False
with CM('a') as v:
    print('body', v)
with CM('b'):
    print('body without as')
def f():
    with CM('c') as v:
        return 'returned ' + v
print(f())
for i in range(3):
    with CM('loop%d' % i):
        if i == 1:
            continue
        if i == 2:
            break
        print('loop body', i)
class Self:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print('exit args', len(args))
s = Self()
with s as t:
    print(t is s)
with CM('x') as (first):
    print(first)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass
with Pair() as (p, q):
    print(p, q)
holder = [None]
with CM('sub') as holder[0]:
    pass
print(holder)
