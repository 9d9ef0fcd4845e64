# str.splitlines with \n, \r and \r\n terminators, keepends positional
tests = ['a\nb\nc', 'a\nb\n', '\n', '', 'one', 'a\r\nb\r\n', 'a\rb', 'a\n\nb', '\n\n', 'x\r\n\r\ny', 'trailing\r']
for t in tests:
    print(repr(t), t.splitlines(), t.splitlines(True))
text = '''line one
line two

line four'''
for i, line in enumerate(text.splitlines()):
    print(i, repr(line))
print(len('a\nb\nc\n'.splitlines()))
print('é\nü'.splitlines())
print('a\nb'.splitlines(False))
print('a\r\n'.splitlines(True))
print('\r\n'.splitlines())
print('\r\r'.splitlines())
print('end\n'.splitlines(True))
rows = 'r1,c1\nr2,c2\r\nr3,c3'.splitlines()
print([r.split(',') for r in rows])
