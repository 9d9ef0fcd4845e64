# gc.collect and the MicroPython-specific mem_free / mem_alloc
import gc
gc.collect()
print(gc.mem_free() > 0)
print(gc.mem_alloc() > 0)
print(type(gc.mem_free()) is int, type(gc.mem_alloc()) is int)
junk = [bytearray(100) for i in range(50)]
junk = None
gc.collect()
print(gc.mem_free() > 0)
