# exceptions raised inside except, else and finally clauses
def in_except():
    try:
        raise ValueError('a')
    except ValueError:
        raise TypeError('b')
try:
    in_except()
except TypeError as e:
    print('TypeError', e)
def in_else():
    try:
        pass
    except Exception:
        print('no')
    else:
        raise KeyError('from else')
try:
    in_else()
except KeyError as e:
    print('KeyError', e.args)
def in_finally():
    try:
        return 'value'
    finally:
        raise RuntimeError('from finally')
try:
    in_finally()
except RuntimeError as e:
    print('RuntimeError', e)
def handler_catches_own():
    try:
        raise ValueError('first')
    except ValueError:
        try:
            raise KeyError('second')
        except KeyError as e:
            return 'handled second: ' + str(e.args)
print(handler_catches_own())
def else_not_protected():
    try:
        try:
            x = 1
        except ZeroDivisionError:
            return 'wrong handler'
        else:
            1 / 0
    except ZeroDivisionError:
        return 'outer caught else error'
print(else_not_protected())
def except_order():
    log = []
    try:
        try:
            raise IndexError
        except IndexError:
            log.append('handler')
            raise ValueError
        finally:
            log.append('finally')
    except ValueError:
        log.append('outer')
    return log
print(except_order())
