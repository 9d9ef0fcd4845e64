# heapq: heappush, heappop, heapify (and heapreplace, heappushpop) on lists
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 0, 6]:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)

data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, -3]
heapq.heapify(data)
print(data)
print([heapq.heappop(data) for _ in range(len(data))])

# mixed and compound items
h = []
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (0.5, "half")]:
    heapq.heappush(h, item)
print([heapq.heappop(h) for _ in range(len(h))])
h = ["pear", "apple", "fig", "banana"]
heapq.heapify(h)
print(h, heapq.heappop(h))

# user-defined ordering
class Job:
    def __init__(self, p, name):
        self.p = p
        self.name = name
    def __lt__(self, other):
        return self.p < other.p
h = []
for p, n in [(3, "low"), (1, "high"), (2, "mid"), (0, "urgent")]:
    heapq.heappush(h, Job(p, n))
print([heapq.heappop(h).name for _ in range(4)])

# heapreplace / heappushpop
h = [1, 3, 5, 7]
print(heapq.heapreplace(h, 4), h)
print(heapq.heappushpop(h, 0), h)
print(heapq.heappushpop(h, 10), h)
print(heapq.heappushpop([], 3))

# heapsort of a large list
import random
random.seed(3)
vals = [random.randint(-1000, 1000) for _ in range(300)]
h = []
for v in vals:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(300)] == sorted(vals))
h = list(vals)
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(300)] == sorted(vals))

# errors
try:
    heapq.heappop([])
except IndexError:
    print("IndexError")
try:
    heapq.heapreplace([], 1)
except IndexError:
    print("IndexError")
try:
    heapq.heappush((), 1)
except TypeError:
    print("TypeError")
try:
    heapq.heapify({})
except TypeError:
    print("TypeError")
try:
    heapq.heappush([1], "a")
except TypeError:
    print("TypeError")
