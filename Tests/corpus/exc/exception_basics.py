# exceptions are objects: attributes, identity, raising instances vs classes
class E(Exception):
    pass
e1 = E('x')
e1.extra = 'extra attr'
try:
    raise e1
except E as caught:
    print(caught is e1, caught.extra, caught.args)
try:
    raise E
except E as caught:
    print(type(caught).__name__, caught.args)
errors = [ValueError('v'), TypeError('t'), KeyError('k')]
for err in errors:
    try:
        raise err
    except (ValueError, TypeError, KeyError) as e:
        print(type(e).__name__, e.args, e is err)
def raiser(cls, *args):
    raise cls(*args)
for cls in (ValueError, RuntimeError, Exception):
    try:
        raiser(cls, 'arg', 2)
    except Exception as e:
        print(type(e).__name__, e.args)
e = ValueError('stored')
caught = []
for i in range(2):
    try:
        raise e
    except ValueError as x:
        caught.append(x)
print(caught[0] is caught[1])
print(isinstance(e, ValueError), isinstance(e, Exception), isinstance(e, BaseException))
print(type(e) is ValueError, type(e).__name__)
print(ValueError.__name__, BaseException.__name__)
excs = {}
for name, cls in [('v', ValueError), ('t', TypeError)]:
    excs[name] = cls
try:
    raise excs['t']('via dict')
except TypeError as t:
    print(t)
