# triple-quoted strings and implicit concatenation
a = """line one
line two
line three"""
print(a)
print(len(a.splitlines()))
b = '''single
quoted "with" 'quotes' '''
print(b)
c = """
leading newline"""
print(repr(c))
d = """trailing newline
"""
print(repr(d))
e = ('implicit '
     'concatenation '
     "across lines")
print(e)
f = """tab\tinside
and escape \\n"""
print(f)
g = r"""raw \n triple"""
print(g)
h = """a""" + '''b''' + "c" + 'd'
print(h)
print("""""")
print(repr(""""""))
print('''it's''')
print("""say "hi" """)
doc = """
    indented
        more
    back
"""
for line in doc.splitlines():
    print(repr(line))
print(len(doc))
print(doc.count('\n'))
