# super() without arguments
class A:
    def __init__(self, x):
        self.x = x
        print('A.__init__', x)
    def hello(self):
        return 'A.hello'
    def chain(self):
        return ['A']
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print('B.__init__', y)
    def hello(self):
        return 'B.hello -> ' + super().hello()
    def chain(self):
        return ['B'] + super().chain()
class C(B):
    def __init__(self):
        super().__init__(1, 2)
        print('C.__init__')
    def chain(self):
        return ['C'] + super().chain()
c = C()
print(c.x, c.y)
print(c.hello())
print(c.chain())
class Base:
    def greet(self, name):
        return 'hi ' + name
class Loud(Base):
    def greet(self, name):
        return super().greet(name).upper() + '!'
print(Loud().greet('bob'))
class Stack(list):
    def push(self, v):
        super().append(v)
    def append(self, v):
        raise RuntimeError('use push')
s = Stack()
s.push(1)
s.push(2)
print(s, len(s))
try:
    s.append(3)
except RuntimeError as e:
    print(e)
class P:
    @classmethod
    def create(cls):
        return cls.__name__
class Q(P):
    @classmethod
    def create(cls):
        return 'Q via ' + super().create()
print(Q.create())
class InitOnce:
    def __init__(self):
        self.log = ['base']
class Child(InitOnce):
    def __init__(self):
        super().__init__()
        self.log.append('child')
print(Child().log)
class WithDefault:
    def m(self, a=1):
        return a
class Over(WithDefault):
    def m(self, a=2):
        return super().m() + super().m(a) * 10
print(Over().m(), Over().m(5))
