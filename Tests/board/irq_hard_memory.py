# A hard interrupt handler runs with the heap locked: allocating raises MemoryError, which is
# reported as on the stm32 port (without an emergency exception buffer there is no traceback,
# as the docs on writing interrupt handlers explain) and disables that handler. micropython.schedule defers the work
# that needs memory to a soft callback.
from machine import Pin
import micropython, pyb

p = Pin("X1", Pin.OUT, value=0)

def bad(pin):
    data = [1, 2, 3]   # a list needs the heap

p.irq(bad, Pin.IRQ_RISING, hard=True)
p.value(1)
print("after first edge")
p.value(0)
p.value(1)
print("handler disabled, no second report")

results = []
def later(n):
    results.append("soft work %d" % n)   # allocation is fine here

def good(pin):
    micropython.schedule(later, 42)      # no allocation in the hard handler

p.irq(good, Pin.IRQ_FALLING, hard=True)
p.value(0)
pyb.delay(1)
print(results)
