# gc.threshold: -1 means disabled; values are set and queried
import gc
print(gc.threshold())
print(gc.threshold(32768))
print(gc.threshold())
print(gc.threshold(-1))
print(gc.threshold())
