# substring membership with in / not in
s = 'hello world'
print('hello' in s)
print('world' in s)
print('o w' in s)
print('' in s)
print('' in '')
print('x' in s)
print('Hello' in s)
print('hello world!' in s)
print('h' in s, 'd' in s)
print('lo' not in s, 'zz' not in s)
print('é' in 'café')
print('fé' in 'café')
print('€' in 'price: 5€')
print('日本' in '日本語')
print('本日' in '日本語')
print('a' in 'a')
print('ab' in 'a')
print('\n' in 'line\n')
print(' ' in 'nospace')
for w in ('ell', 'low', 'or', 'rld', 'dl'):
    print(w, w in s)
try:
    print(1 in 'abc')
except TypeError:
    print('TypeError')
try:
    print(None in 'abc')
except TypeError:
    print('TypeError')
vowels = 'aeiou'
print([c for c in 'programming' if c in vowels])
print(sum(1 for c in 'programming' if c not in vowels))
