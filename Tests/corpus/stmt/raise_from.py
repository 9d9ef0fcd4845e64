# raise ... from ...
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('converted') from e
except ValueError as e:
    print(e)
    print(type(e.__cause__).__name__)
try:
    raise KeyError('k') from None
except KeyError as e:
    print(e.__cause__)
cause = OSError('disk')
try:
    raise RuntimeError('wrapped') from cause
except RuntimeError as e:
    print(e.__cause__ is cause, e.__cause__.args)
try:
    raise TypeError('t') from ValueError
except TypeError as e:
    print(type(e.__cause__).__name__)
def convert(s):
    try:
        return int(s)
    except ValueError as exc:
        raise LookupError('bad number ' + s) from exc
for s in ['12', 'zz']:
    try:
        print(convert(s))
    except LookupError as e:
        print(e, type(e.__cause__).__name__)
try:
    raise IndexError('plain')
except IndexError as e:
    print(e.__cause__)
