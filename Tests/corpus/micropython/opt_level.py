# micropython.opt_level controls assertions and __debug__ for later compilation
import micropython
print(micropython.opt_level())
print(micropython.opt_level(1))
print(micropython.opt_level())
exec('print(__debug__)')
exec('assert 0')
print('assert was not compiled')
micropython.opt_level(0)
print(micropython.opt_level())
exec('print(__debug__)')
try:
    exec('assert 0')
except AssertionError:
    print('AssertionError')
