# dict() as a builtin: keyword args, iterables of pairs, mapping copy
print(dict())
print(dict(one=1, two=2))
print(dict([('a', 1), ('b', 2)]))
print(dict((('x', 0),)))
print(dict(zip('abc', [1, 2, 3])))
print(dict(zip(range(3), 'xyz')))
print(dict({'m': 1}, n=2))
print(dict([('k', 1)], k=2))
print(dict(enumerate(['p', 'q'])))
print(dict(map(lambda s: (s, len(s)), ['hi', 'hello'])))
print(dict((str(i), i) for i in range(3)))
print(dict([[1, 'list-pair']]))
print(dict(['ab']))
keys = ['name', 'age']
vals = ['Ann', 30]
person = dict(zip(keys, vals))
print(person, person['name'])
copy = dict(person)
copy['age'] = 31
print(person['age'], copy['age'])
print(dict(a=dict(b=dict(c=1))))
print(len(dict.fromkeys(range(10))))
print(dict(sorted({'b': 2, 'a': 1}.items())))
inv = dict((v, k) for k, v in person.items())
print(inv)
print(isinstance(dict(), dict), type(dict(a=1)).__name__)
try:
    dict([('a', 1, 2)])
except ValueError:
    print('ValueError')
try:
    dict(1)
except TypeError:
    print('TypeError')
