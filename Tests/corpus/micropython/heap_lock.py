# micropython.heap_lock makes allocation raise MemoryError until heap_unlock
import micropython
micropython.heap_lock()
try:
    x = [1, 2, 3]
    print('allocated while locked')
except MemoryError:
    print('MemoryError')
print(micropython.heap_unlock())
x = [1, 2, 3]
print(x)
