# dict equality ignores insertion order; compares keys and values
a = {'x': 1, 'y': 2}
b = {'y': 2, 'x': 1}
print(a == b, a != b)
print(a == {'x': 1})
print(a == {'x': 1, 'y': 3})
print(a == {'x': 1, 'y': 2, 'z': 3})
print({} == {}, {} == dict())
print({1: 'a'} == {1.0: 'a'})
print({1: [1, 2]} == {1: [1, 2]})
print({1: {2: 3}} == {1: {2: 3}})
print({1: {2: 3}} == {1: {2: 4}})
print({'a': 1} == [('a', 1)])
print({'a': 1} != 'a')
print(dict(a=1) == {'a': 1})
print(dict(zip('xy', [1, 2])) == a)
try:
    print({1: 1} < {2: 2})
except TypeError:
    print('TypeError')
n = float('nan')
print({1: n} == {1: n})
print({(1, 2): 'p'} == {(1, 2): 'p'})
print({None: None} == {None: None})
print({True: 1} == {1: 1})
c = a.copy()
c['y'] = 2.0
print(c == a)
c['y'] = '2'
print(c == a)
print(sorted(a.keys()) == ['x', 'y'])
print(list(a.values()) == [1, 2])
d1 = {i: i for i in range(10)}
d2 = {i: i for i in reversed(range(10))}
print(d1 == d2)
d2[5] = -5
print(d1 == d2)
