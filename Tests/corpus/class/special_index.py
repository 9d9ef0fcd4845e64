# __index__ lets objects be used as indices and in bin/hex
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
l = ['a', 'b', 'c', 'd', 'e']
print(l[Idx(1)], l[Idx(-1)])
print(l[Idx(1):Idx(3)])
print('hello'[Idx(4)])
print((10, 20, 30)[Idx(2)])
print(range(100)[Idx(42)])
print(hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
print([0] * Idx(3))
print('ab' * Idx(2))
m = [1, 2, 3]
m[Idx(0)] = 'set'
print(m)
del m[Idx(2)]
print(m)
print(list(range(Idx(4))))
print(list(range(Idx(1), Idx(10), Idx(3))))
