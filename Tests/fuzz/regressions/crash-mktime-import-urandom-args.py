import time, os
for f, a in ((time.mktime, ((2**40, 1, 1, 0, 0, 0, 0, 0),)), (time.mktime, ((2000, 1, 1, 0, 0, 2**62, 0, 0),)), (__import__, (5,)), (__import__, ("os", "")), (os.urandom, (2**40,))):
    try:
        f(*a)
    except (OverflowError, TypeError, MemoryError) as e:
        print(type(e).__name__)
