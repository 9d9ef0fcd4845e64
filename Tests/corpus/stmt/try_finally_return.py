# return interacting with finally
def a():
    try:
        return 'try'
    finally:
        print('finally of a')
print(a())
def b():
    try:
        return 'try'
    finally:
        return 'finally'
print(b())
def c():
    try:
        raise ValueError
    finally:
        return 'swallowed'
print(c())
def d():
    x = 1
    try:
        return x
    finally:
        x = 2
print(d())
def e():
    l = [1]
    try:
        return l
    finally:
        l.append(2)
print(e())
def f():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print('finally', i)
print(f())
def g():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(g())
def h(n):
    try:
        if n:
            return 'early'
    finally:
        print('cleanup', n)
    return 'late'
print(h(1), h(0))
def k():
    try:
        return 1
    except Exception:
        return 2
    else:
        return 3
    finally:
        print('k finally')
print(k())
def m():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'from except'
    finally:
        print('m finally')
print(m())
def n():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'from except'
    finally:
        return 'from finally'
print(n())
