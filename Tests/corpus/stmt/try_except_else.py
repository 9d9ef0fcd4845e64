# try / except / else
def t(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print('except', x)
    else:
        print('else', r)
t(2)
t(0)
def t2(x):
    try:
        v = int(x)
    except ValueError:
        return 'bad'
    else:
        return v * 2
print(t2('21'), t2('zz'))
def t3():
    try:
        pass
    except Exception:
        print('no')
    else:
        print('else runs when no exception')
        try:
            raise KeyError('k')
        except KeyError:
            print('exception in else caught by inner try')
t3()
try:
    try:
        x = 1
    except KeyError:
        print('not this')
    else:
        raise ValueError('from else')
except ValueError as e:
    print('outer got', e)
for i in range(3):
    try:
        if i == 1:
            raise IndexError
    except IndexError:
        print(i, 'except')
        continue
    else:
        print(i, 'else')
    print(i, 'after try')
def t4():
    try:
        x = 1
    except Exception:
        pass
    else:
        return 'returned from else'
    return 'not reached'
print(t4())
