# every combination of except / else / finally
def run(mode):
    log = []
    try:
        log.append('try')
        if mode == 'raise':
            raise ValueError
        if mode == 'other':
            raise KeyError
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
print(run('ok'))
print(run('raise'))
try:
    run('other')
except KeyError:
    print('KeyError propagated')
def only_finally(mode):
    log = []
    try:
        try:
            log.append('try')
            if mode:
                raise ValueError
        finally:
            log.append('finally')
    except ValueError:
        log.append('outer')
    return log
print(only_finally(False), only_finally(True))
def except_only(mode):
    try:
        if mode:
            raise IndexError
        return 'ok'
    except IndexError:
        return 'caught'
print(except_only(0), except_only(1))
def many_handlers(exc):
    try:
        raise exc
    except KeyError:
        return 'KeyError'
    except (IndexError, ValueError) as e:
        return 'Index/Value ' + type(e).__name__
    except LookupError:
        return 'other LookupError'
    except Exception:
        return 'Exception'
for exc in [KeyError, IndexError, ValueError, LookupError, TypeError]:
    print(many_handlers(exc))
def else_finally():
    try:
        v = 1
    except Exception:
        v = 2
    else:
        v = v + 10
    finally:
        v = v * 2
    return v
print(else_finally())
def exception_in_finally():
    try:
        try:
            raise ValueError('first')
        finally:
            raise TypeError('second')
    except TypeError as e:
        return 'TypeError ' + str(e)
    except ValueError:
        return 'ValueError'
print(exception_in_finally())
def exception_in_except():
    try:
        try:
            raise ValueError
        except ValueError:
            raise KeyError('from handler')
        finally:
            print('finally still runs')
    except KeyError as e:
        return e.args
print(exception_in_except())
