# isalpha isdigit isspace isupper islower on ASCII strings
tests = ['', 'abc', 'ABC', 'aBc', 'abc123', '123', '0', ' ', '  \t\n', 'a b',
         'Hello', 'HELLO WORLD', 'hello world', '123abc', 'ABC123', '!@#', '\r', 'x', 'Z', '9']
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isspace(), t.isupper(), t.islower())
print('abc'.isalpha() and 'ABC'.isalpha())
print('12'.isdigit() and not '1.2'.isdigit())
print('-1'.isdigit())
print('\x0b\x0c'.isspace())
print('A1'.isupper(), 'a1'.islower())
print('1'.isupper(), '1'.islower())
print('_'.isalpha())
print('ab_c'.isalpha())
