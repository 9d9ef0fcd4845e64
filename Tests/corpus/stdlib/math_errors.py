# math: domain errors (ValueError in both CPython and MicroPython) and bad argument types
import math

def check(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except ValueError:
        print("ValueError")
    except ZeroDivisionError:
        print("ZeroDivisionError")
    except OverflowError:
        print("OverflowError")
    except TypeError:
        print("TypeError")

check(math.sqrt, -1)
check(math.log, 0)
check(math.log, -1)
check(math.log, 2, 0)
check(math.log, 2, -2)
check(math.log, 2, 1)
check(math.log10, 0)
check(math.log2, -1)
check(math.acos, 2)
check(math.asin, -1.5)
check(math.acosh, 0.5)
check(math.atanh, 1)
check(math.fmod, 1, 0)
check(math.fmod, math.inf, 1)
check(math.pow, 0, -1)
check(math.pow, -8, 1.0 / 3)
check(math.gamma, 0)
check(math.gamma, -2)
check(math.gamma, -math.inf)
check(math.lgamma, 0)
check(math.cos, math.inf)
check(math.sin, -math.inf)
check(math.factorial, -1)
check(math.factorial, 1.5)
check(math.ceil, math.nan)
check(math.floor, math.inf)
check(math.trunc, -math.inf)
check(math.sqrt, "4")
check(math.sqrt, None)
check(math.floor, [])
check(math.isclose, 1, 2, rel_tol=-1)
# NaN in gives NaN out without an error
print(math.isnan(math.sqrt(math.nan)), math.isnan(math.sin(math.nan)), math.isinf(math.exp(math.inf)))
print(math.sqrt(math.inf), math.exp(-math.inf), math.log(math.inf))
