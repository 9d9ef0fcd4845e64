# Many threads incrementing shared state under a lock; the main thread waits for all of them.
import _thread

N_THREADS = 10
N_ITER = 5000
lock = _thread.allocate_lock()
finished = _thread.allocate_lock()
finished.acquire()
state = {"count": 0, "left": N_THREADS, "per_thread": [0] * N_THREADS}
log = []


def worker(k, step):
    for i in range(N_ITER):
        with lock:
            state["count"] += step
            state["per_thread"][k] += 1
    lock.acquire()
    log.append(k)
    state["left"] -= 1
    if state["left"] == 0:
        finished.release()
    lock.release()


for k in range(N_THREADS):
    _thread.start_new_thread(worker, (k, k + 1))
finished.acquire()
print(state["count"], sum(range(1, N_THREADS + 1)) * N_ITER)
print(state["per_thread"])
print(sorted(log))

# a list appended to by several threads at once (each append runs under the GIL)
items = []
left = [4]
finished2 = _thread.allocate_lock()
finished2.acquire()


def appender(k):
    for i in range(500):
        items.append((k, i))
    with lock:
        left[0] -= 1
        if left[0] == 0:
            finished2.release()


for k in range(4):
    _thread.start_new_thread(appender, (k,))
finished2.acquire()
print(len(items), sorted(items) == [(k, i) for k in range(4) for i in range(500)])
