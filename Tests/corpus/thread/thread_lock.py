# _thread locks: acquire (blocking, non-blocking, with a timeout), release, locked, with-statement.
import _thread

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, type(lock).__name__)
print(lock.locked())
print(lock.acquire())
print(lock.locked())
print(lock.acquire(0))
print(lock.acquire(False))
print(lock.acquire(1, 0))
print(lock.acquire(True, 0.05))
lock.release()
print(lock.locked())
print(lock.acquire(0))
lock.release()
print(lock.acquire(1, 0.05), lock.locked())
lock.release()

try:
    lock.release()
except RuntimeError:
    print("RuntimeError: release of an unlocked lock")

with lock as got:
    print("in with:", got, lock.locked())
print("after with:", lock.locked())

try:
    with lock:
        raise ValueError("inside")
except ValueError as e:
    print("ValueError", e, lock.locked())

# a waiting acquire is woken by a release in another thread; ping-pong ordered only by locks
ping = _thread.allocate_lock()
pong = _thread.allocate_lock()
done = _thread.allocate_lock()
ping.acquire()
pong.acquire()
done.acquire()
log = []


def player():
    for i in range(5):
        ping.acquire()          # blocks until the main thread serves
        log.append("pong %d" % i)
        pong.release()
    done.release()


_thread.start_new_thread(player, ())
for i in range(5):
    log.append("ping %d" % i)
    ping.release()
    pong.acquire()
done.acquire()
print(log)

# a timed acquire that succeeds once another thread releases, and one that times out
held = _thread.allocate_lock()
held.acquire()
release_now = _thread.allocate_lock()
release_now.acquire()


def releaser():
    release_now.acquire()
    held.release()


_thread.start_new_thread(releaser, ())
print("timed out:", held.acquire(1, 0.01))
release_now.release()
print("acquired within timeout:", held.acquire(1, 10))
print("timed out again:", held.acquire(1, 0.02))
