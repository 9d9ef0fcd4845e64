# Slicing or indexing a range whose bounds sit at the machine word's end overflowed (SIGILL in
# dispatch); iterating one wrapped around and never ended. Fuzz seed 61, input 163485.
try:
    print((range(9)[1], list(range(2**63-1, 1, -3)[::-1])))
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
print(list(range(2**63-3, 2**63-1, 5)))
print(list(range(-2**63+2, -2**63, -7)))
for i in range(2**63-2, 2**63-1, 10):
    print(i)
r = range(2**62, 2**63-1, 2**61)
print(list(r), r[1], r[-1])
