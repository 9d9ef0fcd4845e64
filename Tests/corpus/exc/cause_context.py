# __cause__ and __context__
try:
    try:
        raise KeyError('inner')
    except KeyError as ke:
        raise ValueError('outer') from ke
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
    print(e.__cause__ is e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(e.__cause__)
    print(type(e.__context__).__name__)
try:
    raise TypeError('fresh')
except TypeError as e:
    print(e.__cause__, e.__context__)
try:
    try:
        raise OSError('io')
    except OSError:
        raise IndexError('idx') from None
except IndexError as e:
    print(e.__cause__, type(e.__context__).__name__)
def layered():
    try:
        try:
            raise ValueError(1)
        except ValueError as a:
            raise KeyError(2) from a
    except KeyError as b:
        raise LookupError(3) from b
try:
    layered()
except LookupError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__)
        cur = cur.__cause__
    print(chain)
e = ValueError('x')
print(e.__cause__)
