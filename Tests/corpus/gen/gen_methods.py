# generators as methods and __iter__ implementations
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
t = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6)])])
print(list(t))
print(list(t.depth_first()))
print(list(t.leaves()))
print(sum(t), max(t), 5 in t)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def reversed(self):
        i = self.n
        while i > 0:
            i -= 1
            yield i
r = Range2(4)
print(list(r), list(r), list(r.reversed()))
it1 = iter(r)
it2 = iter(r)
print(next(it1), next(it1), next(it2))
class WithStatic:
    @staticmethod
    def countdown(n):
        while n:
            yield n
            n -= 1
    @classmethod
    def named(cls, k):
        for i in range(k):
            yield cls.__name__ + str(i)
print(list(WithStatic.countdown(3)), list(WithStatic.named(2)))
class Stateful:
    def __init__(self):
        self.log = []
    def gen(self):
        for i in range(3):
            self.log.append(i)
            yield i
s = Stateful()
g = s.gen()
next(g)
print(s.log)
list(g)
print(s.log)
