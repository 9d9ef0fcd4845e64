# subclassing int and str
class MyInt(int):
    def double(self):
        return self * 2
    def is_even(self):
        return self % 2 == 0
m = MyInt(21)
print(m, m.double(), m.is_even(), m + 1, type(m + 1).__name__)
print(isinstance(m, int), type(m).__name__, m == 21, int(m))
print(MyInt('17'), MyInt(3.9))
print(sorted([MyInt(3), 1, MyInt(2)]))
print(list(range(MyInt(3))))
class Celsius(int):
    def __str__(self):
        return '%d C' % int(self)
print(str(Celsius(25)), Celsius(25) + 5)
class MyStr(str):
    def shout(self):
        return self.upper() + '!'
s = MyStr('hello')
print(s, s.shout(), len(s), s[1:3], s + ' world')
print(isinstance(s, str), type(s).__name__, s == 'hello', s.startswith('he'))
print(MyStr('a,b').split(','))
print({s: 1}['hello'])
print(MyInt(5) > 3, MyStr('b') > 'a')
print('-'.join([MyStr('x'), MyStr('y')]))
