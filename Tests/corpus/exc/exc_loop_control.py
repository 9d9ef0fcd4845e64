# break / continue / return interacting with exceptions and finally
def scan(items):
    out = []
    for it in items:
        try:
            if it == 'skip':
                continue
            if it == 'stop':
                break
            if it == 'bad':
                raise ValueError(it)
            out.append(it)
        except ValueError:
            out.append('handled')
        finally:
            out.append('.')
    return out
print(scan(['a', 'skip', 'bad', 'b', 'stop', 'c']))
def find(items, target):
    for i, it in enumerate(items):
        try:
            if it == target:
                return i
        finally:
            pass
    return -1
print(find('hello', 'l'), find('hello', 'z'))
def while_exc():
    n = 0
    log = []
    while True:
        n += 1
        try:
            if n % 2:
                raise IndexError
            if n > 6:
                break
        except IndexError:
            log.append(n)
            continue
    return log, n
print(while_exc())
