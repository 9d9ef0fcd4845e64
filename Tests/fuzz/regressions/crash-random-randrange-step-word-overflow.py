# random.randrange with a step or span as wide as the machine word overflowed the count
# arithmetic (a Swift overflow trap). Fuzz seed 81, input 15341.
import random
print(sorted(set(random.randrange(10, 0, -2**63) for _ in range(50))))
print(sorted(set(random.randrange(-2**63, 2**63 - 1, 2**63 - 1) for _ in range(300))))
print(all(-2**63 <= random.randrange(2**63 - 1, -2**63, -1) <= 2**63 - 1 for _ in range(100)))
for args in ((0, 10, -1), (10, 0, 1), (0, 10, 0)):
    try:
        random.randrange(*args)
    except ValueError:
        print("ValueError", args)
