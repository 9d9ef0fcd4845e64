# bare raise and re-raising
def f():
    try:
        raise ValueError('original')
    except ValueError:
        raise
try:
    f()
except ValueError as e:
    print('re-raised', e)
def g():
    try:
        raise KeyError('k')
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print('raised saved exception', e.args)
def h():
    try:
        raise TypeError('t')
    except TypeError:
        try:
            raise ValueError('inner')
        except ValueError:
            pass
        raise
try:
    h()
except TypeError as e:
    print('bare raise re-raises the outer handled exception:', e)
except ValueError:
    print('ValueError')
try:
    raise
except RuntimeError:
    print('RuntimeError: no active exception')
def conditional(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        if n == 0:
            raise
        return None
try:
    conditional(0)
except ZeroDivisionError:
    print('conditionally re-raised')
print(conditional(5))
def reraise_in_finally():
    try:
        try:
            raise IndexError('i')
        except IndexError:
            raise
        finally:
            print('finally during re-raise')
    except IndexError as e:
        return 'outer got ' + str(e)
print(reraise_in_finally())
def translate():
    try:
        {}['missing']
    except KeyError as e:
        raise AttributeError('missing attr') from e
try:
    translate()
except AttributeError as e:
    print(e, type(e.__cause__).__name__)
count = 0
def retry():
    global count
    for attempt in range(3):
        try:
            count += 1
            raise OSError('attempt %d' % attempt)
        except OSError:
            if attempt == 2:
                raise
try:
    retry()
except OSError as e:
    print(e, count)
