# return, break and continue inside except handlers
def f(x):
    try:
        return 100 // x
    except ZeroDivisionError:
        return -1
    finally:
        print('f finally', x)
print(f(5), f(0))
def g(items):
    out = []
    for it in items:
        try:
            if it < 0:
                raise ValueError(it)
            out.append(it)
        except ValueError:
            if it == -99:
                break
            continue
    return out
print(g([1, -2, 3, -99, 5]))
def h():
    while True:
        try:
            raise KeyError
        except KeyError:
            break
    return 'left loop from handler'
print(h())
def nested_ret():
    try:
        try:
            raise IndexError
        except IndexError:
            return 'inner handler'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_ret())
def ret_exc():
    try:
        raise TypeError('keep me')
    except TypeError as e:
        return e
e = ret_exc()
print(type(e).__name__, e.args)
count = 0
for i in range(5):
    try:
        if i % 2:
            raise RuntimeError
    except RuntimeError:
        count += 10
        continue
    count += 1
print(count)
