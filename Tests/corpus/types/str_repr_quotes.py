# repr() chooses quotes and escapes like CPython
tests = ['', 'a', "it's", 'a"b', 'both \' and "', "''", '""', '\\', 'tab\t', 'nl\n',
         'cr\r', '\x00', '\x01\x02', '\x1b[0m', '\x7f', 'é', 'héllo', '日本', '😀', '€5',
         'a\\nb', ' ', "'", '"']
for t in tests:
    print(repr(t))
print(['a', "it's", 'a"b'])
print(("it's",))
print({"k'": 'v"'})
print(str(["it's"]))
print(repr(repr('a')))
print(repr(str('x')))
