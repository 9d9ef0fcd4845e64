# heap_lock nests: heap_unlock returns the remaining lock depth
import micropython
micropython.heap_lock()
micropython.heap_lock()
try:
    l = [0] * 10
except MemoryError:
    print('MemoryError')
print(micropython.heap_unlock())
try:
    d = {'a': 1}
except MemoryError:
    print('MemoryError')
print(micropython.heap_unlock())
print([0] * 3)
