# gc.enable / gc.disable / gc.isenabled
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
l = [bytearray(64) for i in range(10)]
gc.collect()
print(len(l))
gc.enable()
print(gc.isenabled())
