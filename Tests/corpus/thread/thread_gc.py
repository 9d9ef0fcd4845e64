# Threads allocating heavily while the main thread collects: every thread's frames and
# temporaries must survive collections that run while it is suspended.
import _thread
import gc

N = 4
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = [N]
results = {}


class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next


def worker(k):
    chain = None
    keep = []
    for i in range(400):
        d = {"k": k, "i": i, "s": str(i) * 3, "l": [i, i + 1, (i, k)]}
        keep.append(d)
        if len(keep) > 25:
            keep.pop(0)
        chain = Node(i, chain if i % 50 else None)
        s = "".join(str(x) for x in range(i % 13))
        b = bytes(range(i % 200))
        assert d["s"] == str(i) * 3 and d["l"][2] == (i, k) and len(b) == i % 200
        assert sorted([str(x) for x in range(5)], key=lambda v: -int(v))[0] == "4"
    n = 0
    while chain is not None:
        n += chain.value
        chain = chain.next
    with lock:
        results[k] = (sum(x["i"] for x in keep), n, s)
        left[0] -= 1
        if left[0] == 0:
            done.release()


for k in range(N):
    _thread.start_new_thread(worker, (k,))
rounds = 0
while not done.acquire(0):
    gc.collect()
    junk = [bytearray(40) for _ in range(10)]
    rounds += 1
for k in sorted(results):
    print(k, results[k])
print(rounds > 0)
