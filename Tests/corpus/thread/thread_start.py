# _thread.start_new_thread: positional args as a tuple, keyword args, the returned ident,
# get_ident in each thread. Output is ordered by locks, never by timing.
import _thread

main_ident = _thread.get_ident()
print(type(main_ident).__name__, main_ident == _thread.get_ident())

done = _thread.allocate_lock()
seen = []


def record(a, b, c="c-default", *rest, **kw):
    seen.append((a, b, c, rest, sorted(kw.items()), _thread.get_ident()))
    done.release()


done.acquire()
for args, kwargs in [
    ((1, 2), None),
    ((5, 6, 7, 8), {}),
    ((9,), {"b": 10, "c": 11, "z": 12}),
]:
    if kwargs is None:
        ident = _thread.start_new_thread(record, args)
    else:
        ident = _thread.start_new_thread(record, args, kwargs)
    done.acquire()      # the thread has recorded its call
    a, b, c, rest, kw, thread_ident = seen[-1]
    print(a, b, c, rest, kw)
    print("ident returned:", ident == thread_ident, "not main:", thread_ident != main_ident)

# idents of threads alive at the same time are distinct
N = 6
gate = _thread.allocate_lock()
gate.acquire()
count_lock = _thread.allocate_lock()
idents = []


def hold():
    with count_lock:
        idents.append(_thread.get_ident())
        if len(idents) == N:
            done.release()
    gate.acquire()          # stay alive until every thread has reported
    gate.release()


for i in range(N):
    _thread.start_new_thread(hold, ())
done.acquire()
print(len(idents), len(set(idents)), main_ident in idents)
gate.release()

# bad arguments
def noop():
    pass


for bad in [(noop, 1), (noop, "ab"), (noop, (), 1), (noop, (), [("a", 1)])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError:
        print("TypeError")
