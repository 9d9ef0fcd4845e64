# random: MicroPython specifics (32-bit getrandbits, seed() with no argument)
import random

try:
    random.getrandbits(33)
    print("no error")
except ValueError:
    print("ValueError")
random.seed()
random.seed(None)
x = random.random()
print(0 <= x < 1)
random.seed(2 ** 40 + 5)
a = random.getrandbits(32)
random.seed(5)
b = random.getrandbits(32)
print("seed truncated to 32 bits", a == b)
print(sorted(n for n in dir(random) if not n.startswith("_")))
