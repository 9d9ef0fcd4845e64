# break and continue inside try/finally
for i in range(5):
    try:
        if i == 3:
            break
        print('body', i)
    finally:
        print('finally', i)
print('after loop')
for i in range(4):
    try:
        if i % 2:
            continue
        print('even', i)
    finally:
        print('finally', i)
n = 0
while True:
    try:
        n += 1
        if n == 3:
            break
    finally:
        print('while finally', n)
print('n', n)
def f():
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    break
                print('inner body', i)
            finally:
                print('inner finally', i)
        finally:
            print('outer finally', i)
    return 'done'
print(f())
for i in range(3):
    try:
        pass
    finally:
        if i == 1:
            print('break in finally')
            break
print('i', i)
for i in range(3):
    try:
        raise ValueError
    except ValueError:
        if i == 0:
            continue
        print('except', i)
        break
    finally:
        print('f', i)
def g():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'exception discarded by break'
print(g())
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return 'end'
print(h())
