# string comparisons (lexicographic by code point)
pairs = [('a', 'b'), ('b', 'a'), ('a', 'a'), ('abc', 'abd'), ('abc', 'ab'), ('', 'a'),
         ('', ''), ('Z', 'a'), ('a', 'B'), ('10', '9'), ('é', 'z'), ('€', 'é'),
         ('apple', 'apricot'), ('日', '本'), ('abc', 'ABC')]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
print(sorted(['banana', 'Apple', 'cherry', 'apple', '', 'Banana']))
print(sorted(['é', 'e', 'f', 'E', 'z']))
print(max('hello'), min('hello'))
print(max(['aa', 'b', 'ab']), min(['aa', 'b', 'ab']))
print('abc' == 'abc', 'abc' != None)
print('a' == 'a ', 'a' < 'a ')
print(['a', 'b'] < ['a', 'c'])
print(('x', 1) < ('x', 2))
try:
    print('a' < 1)
except TypeError:
    print('TypeError')
print('a' == 1, 'a' != 1)
print('1' == 1)
