# dict.fromkeys class method
print(dict.fromkeys(['a', 'b', 'c']))
print(dict.fromkeys(['a', 'b'], 0))
print(dict.fromkeys('xyz', 1))
print(dict.fromkeys(range(4), 'v'))
print(dict.fromkeys([]))
print(dict.fromkeys((1, 2, 1, 3)))
print(dict.fromkeys('aabbc'))
shared = dict.fromkeys(['p', 'q'], [])
shared['p'].append(1)
print(shared)
print(shared['p'] is shared['q'])
d = {}.fromkeys(['k'], 'from instance')
print(d)
print(type(dict.fromkeys('a')).__name__)
print(list(dict.fromkeys('mississippi')))
print(''.join(dict.fromkeys('hello world')))
print(len(dict.fromkeys(range(100))))
print(dict.fromkeys([(1, 2), (3, 4)], None))
print(dict.fromkeys(['x']) == {'x': None})
try:
    dict.fromkeys([[1]])
except TypeError:
    print('TypeError')
try:
    dict.fromkeys(5)
except TypeError:
    print('TypeError')
for k, v in dict.fromkeys('ab', 0).items():
    print(k, v)
