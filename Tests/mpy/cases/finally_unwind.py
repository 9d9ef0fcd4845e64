# return/break/continue through finally and with blocks, exceptions in handlers
import sys

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress

def ret_in_try():
    try:
        return "try"
    finally:
        print("finally runs")

def ret_overrides():
    try:
        return 1
    finally:
        return 2

def loop_control():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    else:
        out.append("else")
    return out

def nested_finally():
    log = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    return log
                log.append("body%d" % i)
            finally:
                log.append("inner%d" % i)
        finally:
            log.append("outer%d" % i)
    return log

def with_flow():
    for i in range(3):
        with CM("w%d" % i):
            if i == 0:
                continue
            if i == 1:
                with CM("inner"):
                    break
    with CM("ret"):
        return "from with"

def suppress():
    with CM("s", suppress=True):
        raise ValueError("hidden")
    return "suppressed"

def handled_state():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise ValueError("v")
        except ValueError:
            pass
        print("inner handled, exc_info:", sys.exc_info()[0].__name__)
        try:
            raise
        except KeyError as e:
            print("bare raise re-raised", repr(e))
    print("after:", sys.exc_info()[0])

def context():
    try:
        try:
            raise KeyError("first")
        except KeyError:
            raise ValueError("second")
    except ValueError as e:
        print("context:", repr(e.__context__))

def exc_in_finally():
    try:
        try:
            raise KeyError("a")
        finally:
            print("cleanup")
    except KeyError as e:
        print("caught after finally", repr(e))

def return_in_except():
    try:
        raise ValueError
    except ValueError as e:
        return "returned from except"
    finally:
        print("finally after except-return")

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")

def break_in_except():
    for i in range(3):
        try:
            raise IndexError(i)
        except IndexError:
            if i == 1:
                break
            continue
    print("after loop", i, sys.exc_info()[0])

def while_else(n):
    i = 0
    while i < n:
        i += 1
        if i == 10:
            break
    else:
        return "no break"
    return "break"

print(ret_in_try())
print(ret_overrides())
print(loop_control())
print(nested_finally())
print(with_flow())
print(suppress())
handled_state()
context()
exc_in_finally()
print(return_in_except())
g = gen_finally()
print(next(g))
g.close()
break_in_except()
print(while_else(3), while_else(20))
try:
    with CM("outer"):
        with CM("inner"):
            1 / 0
except ZeroDivisionError:
    print("propagated through two withs")
