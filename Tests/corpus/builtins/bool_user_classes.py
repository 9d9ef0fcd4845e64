# bool() of user objects via __bool__ and __len__
class Plain:
    pass


class WithBool:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class WithLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 5


print(bool(Plain()))
print(bool(WithBool(True)), bool(WithBool(False)))
print(bool(WithLen(0)), bool(WithLen(3)))
print(bool(Both()))
print(not WithBool(False), not WithLen(2))
for obj in (WithBool(True), WithBool(False), WithLen(0), WithLen(1), Plain(), Both()):
    if obj:
        print(type(obj).__name__, 'truthy')
    else:
        print(type(obj).__name__, 'falsy')
print(WithLen(0) or 'fallback')
print(WithBool(True) and 'second')
print([type(x).__name__ for x in filter(None, [WithLen(0), WithLen(2), WithBool(False), WithBool(True)])])
print(any([WithLen(0), WithBool(False)]), all([WithLen(1), WithBool(True)]))
n = 0
w = WithLen(3)
while w:
    n += 1
    w.n -= 1
print(n)


print(bool(WithBool(True)) is True)
flags = [WithBool(x) for x in (True, False, True)]
print(sum(1 for f in flags if f))
print(len([f for f in flags if not f]))
print(bool(WithLen(10 ** 3)))
