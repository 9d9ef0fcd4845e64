# is / is not / in / not in
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c)
print(a is not c, a is not b)
print(None is None, True is True)
print(1 in a, 3 in a, 3 not in a)
print('ell' in 'hello', 'z' in 'hello', '' in 'abc')
print(2 in (1, 2), 2 in {2: 'x'}, 'x' in {2: 'x'})
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(1 in {1, 2}, 1.0 in {1, 2})
print([1] in [[1], [2]])
print(b'b' in b'abc')
print(not 1 in a)
print(not (1 in a))
x = None
print(x is None, x is not None)
def f():
    pass
print(f() is None)
print(type(1) is int, type(True) is bool, type(True) is int)
e = ()
print(e == (), len(e))
class C:
    pass
o = C()
p = o
print(o is p, o is C(), isinstance(o, C))
print([i for i in range(10) if i in (2, 3, 5, 7)])
print('a' not in 'bcd')
print(0 in [False], False in [0], None in [0, False])
it = iter([1, 2, 3, 4])
print(2 in it, list(it))
