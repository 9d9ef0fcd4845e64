# MicroPython's start_new_thread also takes the positional arguments as a list (CPython wants a
# tuple).
import _thread

done = _thread.allocate_lock()
done.acquire()
got = []


def f(*args, **kw):
    got.append((args, sorted(kw.items())))
    done.release()


# both are copied when the thread is created, as MicroPython does (CPython keeps the dict)
args = [1, "two", 3.0]
kw = {"k": "v"}
_thread.start_new_thread(f, args, kw)
args.append("late")
kw["k"] = "changed"
done.acquire()
print(got)
try:
    _thread.start_new_thread(f, {1: 2})
except TypeError as e:
    print("TypeError:", e)
