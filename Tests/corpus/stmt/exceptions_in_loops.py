# exceptions crossing loop boundaries
def gen_error(n):
    for i in range(n):
        if i == 2:
            raise ValueError('at %d' % i)
        yield i
out = []
try:
    for v in gen_error(5):
        out.append(v)
except ValueError as e:
    print(out, e)
for attempt in range(3):
    try:
        if attempt < 2:
            raise OSError('try %d' % attempt)
        print('success on', attempt)
        break
    except OSError as e:
        print('failed', e)
else:
    print('all failed')
def loop_with_finally():
    log = []
    for i in range(4):
        try:
            try:
                if i == 2:
                    raise KeyError(i)
                log.append(i)
            finally:
                log.append('f')
        except KeyError:
            log.append('k')
    return log
print(loop_with_finally())
errors = 0
for s in ['1', '2', 'x', '4', 'y']:
    try:
        int(s)
    except ValueError:
        errors += 1
print('errors', errors)
i = 0
while True:
    try:
        i += 1
        if i == 4:
            raise StopIteration
    except StopIteration:
        print('manual stop at', i)
        break
