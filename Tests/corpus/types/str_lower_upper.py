# str.lower and str.upper on ASCII text
for s in ('Hello World', 'ABC', 'abc', 'MiXeD 123', '', '!@# $%', 'a1B2c3', 'ALL CAPS', 'snake_case_name'):
    print(repr(s), repr(s.lower()), repr(s.upper()))
s = 'Python'
print(s.lower() == 'python', s.upper() == 'PYTHON')
print(s)
print('abc'.upper().lower())
print('Z'.lower(), 'z'.upper())
print('@'.lower(), '['.upper(), '`'.upper(), '{'.lower())
print(''.lower() == '')
print('x\ny'.upper())
print('TeSt'.lower().count('t'))
print('case'.upper().startswith('CA'))
print('A' < 'a', 'a'.upper() == 'A')
print(''.join(c.upper() if i % 2 else c.lower() for i, c in enumerate('alternating')))
