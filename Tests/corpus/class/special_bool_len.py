# __bool__ and __len__
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(bool(B(True)), bool(B(False)))
print('yes' if B(True) else 'no', 'yes' if B(False) else 'no')
print(not B(False), B(True) and 'and-result', B(False) or 'or-result')
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(3)), len(L(0)))
print(bool(L(3)), bool(L(0)))
if L(0):
    print('never')
else:
    print('zero length is falsy')
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Both()), len(Both()))
class Neither:
    pass
print(bool(Neither()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
    print('no error')
except TypeError:
    print('TypeError __bool__ must return bool')
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError:
    print('ValueError negative len')
class Container:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
c = Container(1, 2)
n = 0
while c:
    c.items.pop()
    n += 1
print('popped', n)
print([bool(Container(*range(i))) for i in range(3)])
print(len(Container('a', 'b', 'c')) * 2)
class BoolFromLen(list):
    pass
print(bool(BoolFromLen()), bool(BoolFromLen([0])))
