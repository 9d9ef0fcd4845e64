# An exception escaping a thread's function is printed (MicroPython's format, on stderr) and
# ends only that thread; SystemExit and _thread.exit() end it quietly.
import _thread
import time

# the callables come from code compiled under a fixed file name so the traceback is the same
# wherever the test runs; a class's repr has no address
ns = {}
exec(compile("""
class Boom:
    def __init__(self, msg):
        raise ValueError(msg)

class Quit:
    def __init__(self, how):
        import _thread, sys
        if how == 'exit':
            _thread.exit()
        sys.exit(3)
""", "worker.py", "exec"), ns)

_thread.start_new_thread(ns["Boom"], ("boom",))
time.sleep(0.3)
print("main goes on")
_thread.start_new_thread(ns["Quit"], ("exit",))
_thread.start_new_thread(ns["Quit"], ("sys",))
time.sleep(0.3)

lock = _thread.allocate_lock()
lock.acquire()


def after():
    lock.release()


_thread.start_new_thread(after, ())
lock.acquire()
print("threads still start")
