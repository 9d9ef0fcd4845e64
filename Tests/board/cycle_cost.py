# The cycle budget: `for i in range(10000): pass` is 3 instructions per iteration (FOR_ITER,
# STORE, JUMP), at the board file's 58 cycles per instruction and 168 MHz: 30000 x 58 / 168 MHz
# = 10.36 ms of virtual time, plus a few instructions and a call around it (under 0.1 ms).
import time, pyb

t = time.ticks_us()
for i in range(10000):
    pass
us = time.ticks_diff(time.ticks_us(), t)
print(us // 100)
def f():
    for i in range(10000):
        pass
t = pyb.micros()
f()
print(pyb.elapsed_micros(t) // 100)
