# T.__new__(T) for builtin and flash types (memoryview, hashlib, VfsPosix, micropython.RingIO)
# made a bare object that the type's methods then read past (SIGSEGV); it must build the
# instance as T(...) does or raise TypeError.
import hashlib, os, micropython
for T, args in ((memoryview, (b'ab',)), (memoryview, ()), (hashlib.sha256, ()), (hashlib.md5, (b'x',)),
                (os.VfsPosix, ('/tmp',)), (micropython.RingIO, (8,)), (micropython.RingIO, ())):
    try:
        o = T.__new__(T, *args)
        print(T.__name__, type(o).__name__)
        for name in dir(o):
            if not name.startswith('_'):
                try:
                    getattr(o, name)()
                except Exception as e:
                    pass
    except Exception as e:
        print(T.__name__, type(e).__name__)
