# MicroPython prints an exception's args as a tuple in repr(), and str()
# of a one-argument exception is str() of that argument (also for KeyError)
print(repr(ValueError('x')))
print(repr(ValueError()))
print(repr(ValueError('a', 1)))
print(str(KeyError('a')))
print(repr(KeyError('a')))
try:
    {}['key']
except KeyError as e:
    print(e)
