# imports inside functions and conditional imports
import sys
sys.path.insert(0, 'lib')
def f():
    import mod_a
    return mod_a.func('in f')
print(f())
print('mod_a' in globals())
print('mod_a' in sys.modules)
def g(flag):
    if flag:
        from mod_a import VALUE
        return VALUE
    return 'no import'
print(g(False), g(True))
for name in ['mod_a', 'runs_once']:
    m = __import__(name)
    print(m.__name__)
class C:
    import mod_a
    value = mod_a.VALUE
print(C.value, C.mod_a.counter)
if True:
    import mod_b
print(mod_b.B_VALUE)
