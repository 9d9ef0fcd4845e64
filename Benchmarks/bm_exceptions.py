# bm_exceptions: try/except/else/finally in loops, raising and catching custom exception
# classes (with inheritance and attributes), built-in exceptions, re-raising.
import sys

EXPECTED = (16469645, 320000, 32)


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    pass


def check_value(x):
    if x % 7 == 0:
        raise ValidationError(x % 5, "multiple of seven")
    if x % 11 == 0:
        raise NotFound(x)
    if x % 13 == 0:
        raise KeyError(x)
    return x & 15


def guarded(x):
    try:
        return check_value(x)
    except NotFound:
        raise
    except KeyError as e:
        return -e.args[0] % 7
    finally:
        pass


def deep(n):
    if n == 0:
        raise AppError("bottom")
    return deep(n - 1) + 1


def cleanup_count(x, log):
    try:
        if x & 1:
            return 1
        return 2
    finally:
        log.append(x)


def work(n):
    total = 0
    finals = 0
    table = {"a": 1, "b": 2}
    items = [1, 2, 3]
    log = []
    for i in range(n):
        try:
            total += guarded(i)
        except ValidationError as e:
            total += e.code * 3 + len(e.args[0])
        except AppError as e:
            total += 2 if isinstance(e, NotFound) else 100
        else:
            total += 1
        finally:
            finals += 1
        try:
            v = 100 // (i % 9)
        except ZeroDivisionError:
            v = -1
        total += v
        try:
            total += items[i % 5]
        except IndexError:
            total -= 1
        try:
            total += table["abc"[i % 3]]
        except KeyError as e:
            total += len(e.args)
        if i % 50 == 0:
            try:
                deep(20)
            except AppError as e:
                total += len(str(e))
        try:
            try:
                raise ValueError(i)
            except ValueError as e:
                raise AppError(e.args[0] + 1)
        except AppError as e2:
            total += e2.args[0] % 3
        it = iter(items)
        try:
            while True:
                total += next(it)
        except StopIteration:
            total += 1
        total += cleanup_count(i, log)
        if len(log) > 100:
            log = []
        total &= 0xFFFFFFF
    return total, finals, len(log)


result = work(max(1, int(320000 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
