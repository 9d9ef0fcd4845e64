# Blocking calls release the interpreter to other threads: a thread runs while the main thread
# sleeps, and time.sleep in threads lets the others go on.
import _thread
import time

flag = []
lock = _thread.allocate_lock()
lock.acquire()


def setter():
    flag.append("set by thread")
    lock.release()


_thread.start_new_thread(setter, ())
# the thread must be able to run while the main thread sleeps
while not flag:
    time.sleep(0.01)
print(flag)
lock.acquire()

left = [3]
counts = {}
done = _thread.allocate_lock()
done.acquire()


def sleeper(k):
    for i in range(3):
        time.sleep(0.005)
        counts[k] = counts.get(k, 0) + 1
    left[0] -= 1
    if left[0] == 0:
        done.release()


for k in range(3):
    _thread.start_new_thread(sleeper, (k,))
done.acquire()
print(sorted(counts.items()))
