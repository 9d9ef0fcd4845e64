# handler selection: first matching clause wins
def which(exc):
    try:
        raise exc
    except LookupError:
        return 'LookupError clause'
    except KeyError:
        return 'KeyError clause (unreachable)'
    except (ValueError, ArithmeticError) as e:
        return 'tuple clause ' + type(e).__name__
    except Exception as e:
        return 'Exception clause ' + type(e).__name__
print(which(KeyError()))
print(which(IndexError()))
print(which(ValueError()))
print(which(ZeroDivisionError()))
print(which(OverflowError()))
print(which(TypeError()))
print(which(RuntimeError()))
class Custom(LookupError):
    pass
print(which(Custom()))
def tuple_of_tuples(exc):
    try:
        raise exc
    except (KeyError, IndexError, TypeError):
        return 'matched'
    except Exception:
        return 'not matched'
print(tuple_of_tuples(TypeError()), tuple_of_tuples(ValueError()))
def dynamic(exc, handled):
    try:
        raise exc
    except handled:
        return 'dynamic match'
    except Exception:
        return 'no dynamic match'
print(dynamic(KeyError(), KeyError), dynamic(KeyError(), (ValueError, LookupError)), dynamic(KeyError(), ValueError))
try:
    try:
        raise ValueError
    except TypeError:
        print('no')
except ValueError:
    print('falls through to outer handler')
def base_exc():
    try:
        raise KeyboardInterrupt
    except Exception:
        return 'Exception caught it'
    except BaseException as e:
        return 'BaseException caught ' + type(e).__name__
print(base_exc())
def sys_exit():
    try:
        raise SystemExit(3)
    except Exception:
        return 'wrong'
    except SystemExit as e:
        return 'SystemExit code %r' % (e.args,)
print(sys_exit())
