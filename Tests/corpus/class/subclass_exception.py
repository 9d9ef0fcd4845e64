# subclassing Exception with extra attributes
class AppError(Exception):
    pass
class HttpError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
class NotFound(HttpError):
    def __init__(self, path):
        super().__init__(404, 'not found: ' + path)
        self.path = path
try:
    raise NotFound('/index')
except HttpError as e:
    print(type(e).__name__, e.code, e.msg, e.path)
    print(e.args)
    print(str(e))
print(isinstance(NotFound('x'), AppError), issubclass(NotFound, Exception))
try:
    raise AppError('plain message')
except AppError as e:
    print(e, e.args)
class WithStr(Exception):
    def __init__(self, value):
        self.value = value
    def __str__(self):
        return 'WithStr value=%r' % (self.value,)
try:
    raise WithStr([1, 2])
except WithStr as e:
    print(e, e.value)
class NoSuperCall(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b
e = NoSuperCall(1, 2)
print(e.a, e.b)
class Default(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)
print(Default(), Default('given'))
class ErrA(Exception):
    pass
class ErrB(Exception):
    pass
for cls in (ErrA, ErrB, ValueError):
    try:
        raise cls('x')
    except (ErrA, ErrB) as err:
        print('custom', type(err).__name__)
    except Exception as err:
        print('builtin', type(err).__name__)
class MyValueError(ValueError):
    pass
try:
    raise MyValueError('mine')
except ValueError as e:
    print('caught as ValueError', type(e).__name__, e)
class Counted(Exception):
    count = 0
    def __init__(self, *args):
        super().__init__(*args)
        Counted.count += 1
for i in range(3):
    try:
        raise Counted(i)
    except Counted:
        pass
print(Counted.count)
class Chain(Exception):
    def __init__(self, msg, inner=None):
        super().__init__(msg)
        self.inner = inner
try:
    try:
        raise KeyError('k')
    except KeyError as ke:
        raise Chain('outer', ke)
except Chain as c:
    print(c, type(c.inner).__name__, c.inner.args)
