# str.center with a width near 2**63: MemoryError, not an overflow in the size arithmetic
try:
    int("".strip().center(2**63-1))
except MemoryError:
    print("MemoryError")
try:
    "ab".center(2**62, "\u20ac")
except MemoryError:
    print("MemoryError")
try:
    bytes(2**63-1)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
