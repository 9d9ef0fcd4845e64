# _thread.stack_size: the old setting is returned; threads start with the size set; deep
# recursion in a thread ends in RuntimeError (RecursionError is one in CPython).
import _thread

print(_thread.stack_size())
print(_thread.stack_size(256 * 1024))
print(_thread.stack_size(128 * 1024))
print(_thread.stack_size(0))
print(_thread.stack_size(0))

done = _thread.allocate_lock()
results = []


def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)


def deep():
    results.append(rec(150))
    try:
        rec(1000000)
    except RuntimeError:
        results.append("RuntimeError")
    done.release()


done.acquire()
for size in (0, 512 * 1024):
    _thread.stack_size(size)
    _thread.start_new_thread(deep, ())
    done.acquire()
_thread.stack_size(0)
print(results)
