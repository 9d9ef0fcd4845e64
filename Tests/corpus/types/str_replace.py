# str.replace with optional count
s = 'one two one two one'
print(s.replace('one', '1'))
print(s.replace('one', '1', 1))
print(s.replace('one', '1', 2))
print(s.replace('one', '1', 0))
print(s.replace('one', '1', -1))
print(s.replace('one', '1', 100))
print(s.replace('three', '3'))
print(s.replace(' ', ''))
print(s.replace('o', 'oo'))
print(s.replace('one two', 'X'))
print('aaaa'.replace('aa', 'b'))
print('aaaaa'.replace('aa', 'b'))
print('aaa'.replace('a', 'aa'))
print(repr(''.replace('a', 'b')))
print('abc'.replace('abc', ''))
print('abc'.replace('b', ''))
print('a.b.c'.replace('.', '::'))
print('héllo'.replace('é', 'e'))
print('x€y€z'.replace('€', 'EUR'))
print('aaa'.replace('a', 'é', 2))
print('tab\there'.replace('\t', '    '))
print('line1\nline2'.replace('\n', ' | '))
print('ABCabc'.replace('a', 'x').replace('A', 'X'))
print('Mississippi'.replace('ss', 'SS'))
print('Mississippi'.replace('i', '', 2))
t = 'unchanged'
u = t.replace('q', 'r')
print(u == t)
try:
    'abc'.replace('a', 1)
except TypeError:
    print('TypeError')
try:
    'abc'.replace(1, 'a')
except TypeError:
    print('TypeError')
