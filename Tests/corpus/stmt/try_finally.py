# try / finally ordering
def f1():
    try:
        print('try')
    finally:
        print('finally')
f1()
def f2():
    try:
        raise ValueError('x')
    finally:
        print('finally runs before propagation')
try:
    f2()
except ValueError:
    print('caught after finally')
def f3():
    try:
        try:
            print('inner try')
            raise KeyError
        finally:
            print('inner finally')
    except KeyError:
        print('outer except')
    finally:
        print('outer finally')
f3()
def f4():
    try:
        1 / 0
    except ZeroDivisionError:
        print('except')
    else:
        print('else')
    finally:
        print('finally')
    try:
        pass
    except ZeroDivisionError:
        print('except')
    else:
        print('else')
    finally:
        print('finally')
f4()
def f5():
    log = []
    for i in range(3):
        try:
            log.append('t%d' % i)
        finally:
            log.append('f%d' % i)
    return log
print(f5())
def f6():
    try:
        try:
            raise ValueError
        finally:
            print('finally 1')
    finally:
        print('finally 2')
try:
    f6()
except ValueError:
    print('ValueError after both finallys')
def f7():
    try:
        raise TypeError('a')
    except TypeError:
        print('except')
        raise ValueError('b')
    finally:
        print('finally during new exception')
try:
    f7()
except ValueError as e:
    print('got', e)
