# The cycle budget: `for i in range(10000): pass` takes 12.5 ms of virtual time at 168 MHz
# (210 cycles per loop iteration, the board file's calibration; a real pyboard takes 10-15 ms).
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
