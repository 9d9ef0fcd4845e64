# NoneType basics: identity, truthiness, repr/str, type
x = None
print(x)
print(repr(None))
print(str(None))
print(x is None)
print(x is not None)
print(None == None)
print(None != None)
print(bool(None))
print(not None)
print(type(None).__name__)
print(type(None) is type(x))
print(None == 0)
print(None == False)
print(None == '')
print(None == [])
print(None in [1, None, 3])
print(None in [1, 2, 3])
print([None, None])
print((None,))
print({None: 1}[None])
print(None or 5)
print(None and 5)
print(5 and None)
print(isinstance(None, object))


def f():
    pass


def g():
    return


print(f())
print(g())
print(f() is None)
print([1, 2].append(3))
print(str(None) + '!')
print('%s' % None)
print('{}'.format(None))
print(len([None] * 4))
print([None] * 3)
d = {}
print(d.get('missing'))
print(d.get('missing') is None)
