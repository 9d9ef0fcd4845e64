# hex/oct/bin read whatever __index__ returned as an int (SIGSEGV on a str); int() passed a
# non-int from __int__/__index__ on. Both must raise TypeError. Fuzz seed 71, input 255238.
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __int__(self): return self.v
for f in (hex, oct, bin, int):
    try:
        print(f(Idx('')))
    except TypeError:
        print(f.__name__, 'TypeError')
print(hex(Idx(255)), int(Idx(7)))
