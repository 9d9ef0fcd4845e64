# OSError raised and caught by user code
try:
    raise OSError('device not ready')
except OSError as e:
    print(type(e).__name__, e.args, str(e))
try:
    raise OSError('a', 'b')
except Exception as e:
    print(isinstance(e, OSError), e.args)
class DeviceError(OSError):
    pass
try:
    raise DeviceError('custom device error')
except OSError as e:
    print(type(e).__name__, e)
print(issubclass(DeviceError, OSError), issubclass(OSError, Exception))
def read_sensor(ok):
    if not ok:
        raise OSError('sensor timeout')
    return 42
for ok in (True, False, True):
    try:
        print('reading', read_sensor(ok))
    except OSError as e:
        print('failed:', e)
errs = []
for i in range(3):
    try:
        raise OSError('err %d' % i)
    except OSError as e:
        errs.append(e.args[0])
print(errs)
try:
    try:
        raise OSError('low level')
    except OSError as e:
        raise RuntimeError('high level') from e
except RuntimeError as e:
    print(e, '<-', e.__cause__)
print(repr(OSError()), OSError().args)
