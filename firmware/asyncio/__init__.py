# asyncio: cooperative multitasking with coroutines (MicroPython's asyncio API).
#
# The core (tasks, sleeping, the loop) is loaded with the package; Event, ThreadSafeFlag, Lock,
# gather, wait_for and the stream classes are loaded from their submodules on first use.

from .core import (
    CancelledError,
    TimeoutError,
    Task,
    create_task,
    current_task,
    sleep,
    sleep_ms,
    run,
    get_event_loop,
    new_event_loop,
    Loop,
    TaskQueue,
    IOQueue,
    SingletonGenerator,
    cur_task,
    run_until_complete,
    ticks,
    ticks_add,
    ticks_diff,
)

__version__ = (3, 0, 0)

_lazy = {
    "Event": "event",
    "ThreadSafeFlag": "event",
    "Lock": "lock",
    "gather": "funcs",
    "wait_for": "funcs",
    "wait_for_ms": "funcs",
    "Stream": "stream",
    "StreamReader": "stream",
    "StreamWriter": "stream",
    "open_connection": "stream",
    "start_server": "stream",
    "Server": "stream",
}


def __getattr__(attr):
    mod = _lazy.get(attr)
    if mod is None:
        raise AttributeError(attr)
    value = getattr(__import__("asyncio." + mod, None, None, [attr]), attr)
    globals()[attr] = value
    return value
