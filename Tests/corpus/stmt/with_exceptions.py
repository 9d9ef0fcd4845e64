# exceptions inside with blocks and __exit__ suppression
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print('suppressing', et.__name__, type(ev.args))  # messages differ from CPython
            return True
        print('not suppressing', None if et is None else et.__name__)
        return False
with Suppress(ValueError):
    raise ValueError('v1')
print('continued after suppression')
try:
    with Suppress(KeyError):
        raise TypeError('t')
except TypeError as e:
    print('propagated', e)
with Suppress(LookupError):
    [][1]
print('IndexError suppressed via LookupError')
with Suppress(Exception):
    pass
class Truthy:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return 1
with Truthy():
    raise KeyError('x')
print('suppressed by truthy return')
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError('from exit')
try:
    with ExitRaises():
        raise ValueError('original')
except RuntimeError as e:
    print('exit exception wins:', e)
except ValueError:
    print('original')
def f():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            print('before', i)
            1 // (i - 1)
            print('after', i)
    return 'done'
print(f())
class Recorder:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.et = et
        self.ev = ev
        return True
r = Recorder()
with r:
    raise IndexError('rec')
print(r.et.__name__, r.ev.args, isinstance(r.ev, IndexError))
with r:
    pass
print(r.et, r.ev)
def g():
    with Suppress(ValueError):
        raise ValueError('in g')
    return 'g finished'
print(g())
