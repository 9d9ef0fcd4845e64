# ordering of finally blocks during propagation
log = []
def a():
    try:
        log.append('a try')
        b()
    finally:
        log.append('a finally')
def b():
    try:
        log.append('b try')
        c()
    except KeyError:
        log.append('b except (wrong type)')
    finally:
        log.append('b finally')
def c():
    try:
        log.append('c try')
        raise ValueError('deep')
    finally:
        log.append('c finally')
try:
    a()
except ValueError as e:
    log.append('top caught ' + str(e))
for entry in log:
    print(entry)
def gen_order():
    try:
        yield 1
    finally:
        print('generator finally')
def uses():
    # close explicitly: MicroPython has no reference counting to finalise the generator
    g = gen_order()
    try:
        for x in g:
            try:
                raise IndexError(x)
            finally:
                print('loop finally')
    finally:
        g.close()
try:
    uses()
except IndexError:
    print('IndexError after finallys')
def nested_returns():
    out = []
    def inner():
        try:
            try:
                return 'value'
            finally:
                out.append(1)
        finally:
            out.append(2)
    r = inner()
    return r, out
print(nested_returns())
def override():
    try:
        raise KeyError('first')
    finally:
        try:
            raise ValueError('second')
        except ValueError:
            print('inner handled in finally')
try:
    override()
except KeyError as e:
    print('original still propagates', e.args)
