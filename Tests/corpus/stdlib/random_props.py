# random: MicroPython's functions, checked by properties (values differ from CPython's generator)
import random

random.seed(42)
a = [random.getrandbits(32) for _ in range(20)]
random.seed(42)
b = [random.getrandbits(32) for _ in range(20)]
print("reproducible", a == b, len(set(a)) > 15)
random.seed(43)
c = [random.getrandbits(32) for _ in range(20)]
print("different seed differs", a != c)

for bits in (0, 1, 5, 8, 16, 31, 32):
    vals = [random.getrandbits(bits) for _ in range(200)]
    print(bits, all(0 <= v < 2 ** bits for v in vals), (max(vals) >= 2 ** bits // 2) if bits > 3 else True)

vals = [random.random() for _ in range(500)]
print("random", all(0.0 <= v < 1.0 for v in vals), min(vals) < 0.1, max(vals) > 0.9, type(vals[0]).__name__)

vals = [random.uniform(-3, 5) for _ in range(500)]
print("uniform", all(-3 <= v <= 5 for v in vals), min(vals) < -2, max(vals) > 4)

vals = [random.randint(1, 6) for _ in range(600)]
print("randint", sorted(set(vals)))
vals = [random.randint(-5, -5) for _ in range(10)]
print("randint one", set(vals))

print("randrange stop", sorted(set(random.randrange(5) for _ in range(300))))
print("randrange start stop", sorted(set(random.randrange(10, 14) for _ in range(300))))
print("randrange step", sorted(set(random.randrange(0, 20, 5) for _ in range(300))))
print("randrange neg step", sorted(set(random.randrange(10, 0, -3) for _ in range(300))))
print("randrange big", all(0 <= random.randrange(10 ** 9) < 10 ** 9 for _ in range(100)))

seq = ["a", "b", "c", "d"]
print("choice", sorted(set(random.choice(seq) for _ in range(200))))
print("choice str", sorted(set(random.choice("xyz") for _ in range(200))))
print("choice tuple", random.choice((7,)), random.choice(range(3, 4)))

# reseeding restarts every function's sequence
random.seed(7)
s1 = (random.random(), random.randint(0, 1000), random.choice(seq), random.uniform(0, 1), random.randrange(100))
random.seed(7)
s2 = (random.random(), random.randint(0, 1000), random.choice(seq), random.uniform(0, 1), random.randrange(100))
print("reseed", s1 == s2)

# errors
for f, args in ((random.randrange, (0,)), (random.randrange, (5, 5)), (random.randrange, (0, 10, 0)),
                (random.randrange, (0, 10, -1)), (random.randint, (3, 2))):
    try:
        f(*args)
        print("no error")
    except ValueError:
        print("ValueError")
try:
    random.choice([])
except IndexError:
    print("IndexError")
try:
    random.getrandbits(-1)
except ValueError:
    print("ValueError")
