# getattr / setattr / hasattr / delattr on classes and instances
class C:
    a = 1
    def m(self):
        return 'method m'
o = C()
for name in ['a', 'm', 'b']:
    print(name, hasattr(o, name), hasattr(C, name))
print(getattr(o, 'a'), getattr(C, 'a'), getattr(o, 'm')())
print(getattr(o, 'b', None), getattr(C, 'b', 'none'))
setattr(o, 'b', 'inst b')
setattr(C, 'c', 'class c')
print(o.b, o.c, C.c, hasattr(C, 'b'))
names = ['x%d' % i for i in range(5)]
for i, n in enumerate(names):
    setattr(o, n, i * i)
print([getattr(o, n) for n in names])
print(sum(getattr(o, n) for n in names))
delattr(o, 'x0')
print(hasattr(o, 'x0'), hasattr(o, 'x1'))
delattr(C, 'c')
print(hasattr(o, 'c'))
try:
    getattr(o, 'missing')
except AttributeError:
    print('AttributeError getattr')
try:
    delattr(o, 'missing')
except AttributeError:
    print('AttributeError delattr')
setattr(C, 'dyn', lambda self, k: k * 2)
print(o.dyn(21))
def dispatch(obj, cmd, *args):
    handler = getattr(obj, 'do_' + cmd, None)
    if handler is None:
        return 'unknown command ' + cmd
    return handler(*args)
class Shell:
    def do_add(self, a, b):
        return a + b
    def do_echo(self, *w):
        return ' '.join(w)
sh = Shell()
print(dispatch(sh, 'add', 2, 3), dispatch(sh, 'echo', 'a', 'b'), dispatch(sh, 'rm'))
try:
    setattr(5, 'x', 1)
except AttributeError:
    print('AttributeError on int')
try:
    object().x = 1
except AttributeError:
    print('AttributeError on object()')
print(getattr('abc', 'upper')(), getattr([1, 2], 'count')(2))
