# catching exceptions through their base classes
def catch(exc, base):
    try:
        raise exc
    except base:
        return 'caught by ' + base.__name__
    except BaseException as e:
        return 'escaped ' + base.__name__ + ' as ' + type(e).__name__
pairs = [
    (IndexError, LookupError), (KeyError, LookupError), (KeyError, IndexError),
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ValueError, ArithmeticError), (OSError, Exception), (TypeError, Exception),
    (KeyboardInterrupt, Exception), (KeyboardInterrupt, BaseException),
    (SystemExit, Exception), (SystemExit, BaseException), (GeneratorExit, Exception),
    (StopIteration, Exception), (NotImplementedError, RuntimeError),
    (AssertionError, Exception), (AttributeError, Exception), (NameError, Exception),
    (ImportError, Exception), (MemoryError, Exception), (UnicodeError, ValueError),
    (IndentationError, SyntaxError), (EOFError, Exception), (StopAsyncIteration, Exception),
]
for exc, base in pairs:
    print(exc.__name__, catch(exc, base))
print(issubclass(Exception, BaseException), issubclass(BaseException, Exception))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ArithmeticError, Exception))
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(OSError, Exception), issubclass(NotImplementedError, RuntimeError))
print(issubclass(UnicodeError, ValueError), issubclass(KeyboardInterrupt, Exception))
print(issubclass(bool, BaseException), issubclass(SystemExit, BaseException))
