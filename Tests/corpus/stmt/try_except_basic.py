# try / except basics
try:
    print('in try')
except Exception:
    print('not run')
try:
    1 / 0
except ZeroDivisionError:
    print('caught ZeroDivisionError')
try:
    [][0]
except (KeyError, IndexError) as e:
    print('caught tuple', type(e).__name__)
try:
    {}['x']
except IndexError:
    print('wrong')
except KeyError:
    print('second handler')
try:
    int('x')
except Exception as e:
    print('generic', type(e).__name__)
try:
    raise ValueError('custom message')
except ValueError as e:
    print(e)
try:
    undefined_name
except NameError:
    print('NameError')
try:
    None.attr
except AttributeError:
    print('AttributeError')
try:
    len(5)
except TypeError:
    print('TypeError')
try:
    try:
        raise KeyError(1)
    except IndexError:
        print('no')
except KeyError:
    print('outer caught KeyError')
def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return 'div0'
print(risky(2), risky(0))
try:
    raise TypeError
except TypeError as e:
    print('bare class raised', e.args)
excs = (ValueError, TypeError)
try:
    raise TypeError('t')
except excs as e:
    print('caught via variable tuple', e)
try:
    raise ValueError('v')
except:
    print('bare except')
