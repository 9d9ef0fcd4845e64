# subclassing list
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
    def is_empty(self):
        return not self
s = Stack()
print(s.is_empty())
s.push(1).push(2).push(3)
print(s, len(s), s.peek(), s.is_empty())
print(s.pop(), s)
print(isinstance(s, list), type(s).__name__)
print(s + [9], type(s + [9]).__name__)
print(sorted(Stack([3, 1, 2])))
class Initial(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n
i = Initial(4)
print(i, i.n, sum(i), i[1:3])
class Logged(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.log = []
    def append(self, x):
        self.log.append(x)
        super().append(x)
lg = Logged([1])
lg.append(2)
lg.append(3)
print(lg, lg.log)
lg.extend([4])
print(lg)
print([x * 2 for x in lg])
print(3 in lg, lg.index(3), lg.count(1))
class Sum(list):
    def total(self):
        return sum(self)
print(Sum([1, 2, 3]).total())
class Typed(list):
    def __setitem__(self, i, v):
        if not isinstance(v, int):
            raise TypeError('ints only')
        super().__setitem__(i, v)
t = Typed([0, 0])
t[0] = 5
try:
    t[1] = 'x'
except TypeError as e:
    print(e)
print(t)
print(Stack([1, 2]) == [1, 2])
