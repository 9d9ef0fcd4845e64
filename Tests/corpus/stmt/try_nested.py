# nested try statements
def level(n):
    try:
        try:
            try:
                if n == 0:
                    raise KeyError('k')
                if n == 1:
                    raise IndexError('i')
                if n == 2:
                    raise ValueError('v')
                return 'no error'
            except KeyError:
                return 'inner KeyError'
        except IndexError:
            return 'middle IndexError'
    except ValueError:
        return 'outer ValueError'
for n in range(4):
    print(n, level(n))
try:
    try:
        raise ValueError('first')
    except ValueError:
        try:
            raise TypeError('second')
        except TypeError as e:
            print('handled', e)
        print('back in first handler')
except Exception:
    print('not reached')
try:
    try:
        raise ValueError('a')
    except ValueError as e:
        raise RuntimeError('b')
except RuntimeError as e:
    print('outer got', e)
def deep(n):
    if n == 0:
        raise LookupError('bottom')
    try:
        deep(n - 1)
    finally:
        print('unwind', n)
try:
    deep(3)
except LookupError as e:
    print('caught', e)
x = 0
try:
    try:
        x = 1
    finally:
        x += 10
finally:
    x += 100
print(x)
def handler_raises():
    try:
        raise ValueError('x')
    except ValueError:
        try:
            raise
        except ValueError as inner:
            return 'reraised and caught: %s' % inner
print(handler_raises())
