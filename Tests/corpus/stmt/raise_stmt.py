# raise statements
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    raise ValueError('msg')
except ValueError as e:
    print(e.args, str(e))
try:
    raise ValueError('a', 1)
except ValueError as e:
    print(e.args, str(e))
err = KeyError('stored')
try:
    raise err
except KeyError as e:
    print(e is err)
def reraise():
    try:
        raise IndexError('orig')
    except IndexError:
        print('handling, re-raising')
        raise
try:
    reraise()
except IndexError as e:
    print('outer', e)
def reraise_var():
    try:
        raise TypeError('tv')
    except TypeError as e:
        raise e
try:
    reraise_var()
except TypeError as e:
    print('re-raised variable', e)
try:
    raise 42
except TypeError:
    print('raising non-exception is TypeError')
class NotExc:
    pass
try:
    raise NotExc
except TypeError:
    print('raising non-exception class is TypeError')
try:
    raise Exception('base')
except Exception as e:
    print(type(e).__name__, e)
def cond(n):
    if n < 0:
        raise ValueError('negative: %d' % n)
    return n
for v in [1, -2]:
    try:
        print(cond(v))
    except ValueError as e:
        print(e)
try:
    try:
        raise KeyError('inner')
    except KeyError:
        raise ValueError('replacement')
except ValueError as e:
    print('replacement caught', e)
try:
    raise RuntimeError()
except RuntimeError as e:
    print(repr(e), e.args)
