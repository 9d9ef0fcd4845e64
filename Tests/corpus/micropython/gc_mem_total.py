# mem_free() + mem_alloc() is the total heap size, constant across allocations
import gc
total = gc.mem_free() + gc.mem_alloc()
keep = []
for i in range(20):
    keep.append(bytearray(256))
print(gc.mem_free() + gc.mem_alloc() == total)
keep = None
gc.collect()
print(gc.mem_free() + gc.mem_alloc() == total)
big = bytearray(100000)
print(gc.mem_free() + gc.mem_alloc() == total)
print(gc.mem_alloc() >= 100000)
