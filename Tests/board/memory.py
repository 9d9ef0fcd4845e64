# The board's heap is the pyboard's: 102400 bytes of GC blocks (micropython issue #1877 shows a
# PYBv1.x with "GC: total: 102400" and "stack: ... out of 15360"), single-precision floats.
import gc, micropython, sys

gc.collect()
print(gc.mem_free() + gc.mem_alloc())
print("free after boot > 95000:", gc.mem_free() > 95000)
print(sys.platform, sys.maxsize == 2**31 - 1)
import array
print(array.array('f', [1 / 3])[0] == 1 / 3, 1e38 * 10)
import os
print(os.uname().sysname, os.uname().machine)
big = []
try:
    while True:
        big.append(bytearray(1000))
except MemoryError:
    n = len(big)
big = None
gc.collect()
print("1000-byte buffers that fit:", 90 < n < 103)
