# An empty sequence times a huge count looped over the count (20 s for () * 2**31): it must be
# instant. Fuzz seed 71, input 43086.
import array
print(() * 2**31, [] * 2**40, b'' * 2**40, bytearray() * 2**31, '' * 2**62)
l = []
l *= 2**40
a = array.array('i') * 2**40
a2 = array.array('b')
a2 *= 2**40
print(l, a, a2)
for make in (lambda: (1,) * 2**62, lambda: [1] * 2**62, lambda: b"x" * 2**62, lambda: array.array("i", [1]) * 2**62):
    try:
        make()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)
