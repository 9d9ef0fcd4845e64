# allocating more than the heap raises MemoryError and the program continues
try:
    b = bytearray(10 ** 9)
    print('allocated')
except MemoryError:
    print('MemoryError')
try:
    l = [0] * (10 ** 9)
except MemoryError:
    print('MemoryError')
small = bytearray(100)
print(len(small))
print(sum(range(100)))
