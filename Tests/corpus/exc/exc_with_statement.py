# exceptions and context managers together
class CM:
    def __init__(self, name, log):
        self.name = name
        self.log = log
    def __enter__(self):
        self.log.append('enter ' + self.name)
        return self
    def __exit__(self, et, ev, tb):
        self.log.append('exit %s %s' % (self.name, et.__name__ if et else '-'))
        return False
log = []
try:
    with CM('a', log):
        with CM('b', log):
            raise ValueError
except ValueError:
    log.append('caught')
print(log)
log = []
def f():
    with CM('f', log):
        try:
            raise KeyError
        except KeyError:
            log.append('handled inside with')
    return 'ok'
print(f(), log)
log = []
def g():
    for i in range(3):
        with CM(str(i), log):
            if i == 1:
                raise IndexError(i)
try:
    g()
except IndexError as e:
    print(log, e.args)
class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.caught = et
        return True
s = Suppress()
with s:
    raise ZeroDivisionError
print(s.caught.__name__)
def with_finally():
    out = []
    try:
        with CM('w', out):
            raise TypeError
    except TypeError:
        out.append('except')
    finally:
        out.append('finally')
    return out
print(with_finally())
class FailingExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise KeyError('exit failed')
try:
    with FailingExit():
        pass
except KeyError as e:
    print('exit raised', e.args)
