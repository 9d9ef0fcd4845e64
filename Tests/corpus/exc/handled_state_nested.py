# the exception being handled after a try/except nested in an except clause
import sys
def f():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise ValueError("v")
        except ValueError:
            pass
        print("in", sys.exc_info()[0])
        try:
            raise
        except KeyError as e:
            print("bare raise", type(e).__name__, e.args)
    print("after", sys.exc_info()[0])
f()
try:
    raise KeyError("k")
except KeyError:
    for i in range(2):
        try:
            raise ValueError(i)
        except ValueError:
            continue
    print("module level in", sys.exc_info()[0])
print("module level after", sys.exc_info()[0])
