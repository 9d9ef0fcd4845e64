# A %-format width or precision with more digits than the word holds overflowed while being read.
for fmt in ("%99999999999999999999999d", "%.99999999999999999999999f", "%099999999999999999999s"):
    for v in (1, 1.0, "s"):
        try:
            print(fmt % v)
        except (MemoryError, OverflowError, ValueError, TypeError) as e:
            print(fmt, type(e).__name__)
try:
    print(b"%99999999999999999999999d" % 1)
except (MemoryError, OverflowError, ValueError) as e:
    print("bytes", type(e).__name__)
