# repr() of strings with quotes and special characters
cases = ["it's", 'a"b', 'plain', '', "'", '"', '\'"', 'back\\slash', 'é', 'naïve',
         '中文', '😀', '€', 'tab\t', 'nl\n', 'cr\r', 'nul\x00', 'del\x7f', 'esc\x1b',
         'bell\x07', ' space ', 'mixed \'single\' and "double"']
for c in cases:
    print(repr(c))
print(repr('\n\t\x00\x7f'))
print(repr("it's") == '"it\'s"')
print(repr('a"b') == "'a\"b'")
print(len(repr('é')), len(repr('\x00')))
print(eval(repr("it's")) == "it's")
print(eval(repr('a\'b"c')) == 'a\'b"c')
print(eval(repr('\n\t\\')) == '\n\t\\')
print(str('quote\'s'))
