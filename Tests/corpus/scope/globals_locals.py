# globals() and module-level locals()
g1 = 'first'
print('g1' in globals(), globals()['g1'])
globals()['made_dynamically'] = 123
print(made_dynamically)
print(locals() is globals() or locals() == globals())
print('__name__' in globals(), __name__)
def f():
    return 'g1' in globals(), 'f' in globals()
print(f())
def set_global(name, value):
    globals()[name] = value
set_global('dyn', [1, 2])
print(dyn)
g = globals()
g['counter'] = 0
for i in range(3):
    counter += 1
print(g['counter'])
print(type(globals()).__name__)
print(sorted(k for k in ['g1', 'dyn', 'f', 'nope'] if k in globals()))
del globals()['dyn']
print('dyn' in globals())
def read_via_globals():
    return globals().get('g1'), globals().get('missing', 'absent')
print(read_via_globals())
