from collections import deque

d = deque((), 3)
print(len(d), bool(d))
for i in range(5):
    d.append(i)
print(d, len(d), bool(d), list(d))
print(d[0], d[1], d[-1], d[-3])
d[1] = "x"
print(list(d))
d.appendleft("L")
print(list(d))
print(d.pop(), d.popleft(), list(d))
print(d.pop(), len(d))
try:
    d.pop()
except IndexError:
    print("IndexError")
try:
    d.popleft()
except IndexError:
    print("IndexError")
try:
    d[0]
except IndexError:
    print("IndexError")

# initial items beyond maxlen keep the last ones
d = deque([1, 2, 3, 4, 5], 2)
print(list(d))
d.extend("abc")
print(list(d))

# unbounded, growing through many operations
d = deque([1, 2, 3])
d.extend(range(4, 100))
for i in range(50):
    d.appendleft(-i)
print(len(d), d[0], d[49], d[50], d[-1])
total = 0
while d:
    total += d.popleft()
    if d:
        total -= d.pop()
print(total)

# queue usage
q = deque((), 10)
out = []
for i in range(25):
    q.append(i)
    if i % 3 == 0:
        out.append(q.popleft())
print(out, list(q))

print(3 in deque([1, 2, 3]), 4 in deque([1, 2, 3]))
print(list(reversed(list(deque([1, 2, 3])))))
print([x * 2 for x in deque(range(4))])
d = deque([1, 2])
d.clear()
print(len(d), list(d))
print(deque([1, "a", None]))
print(deque("ab", 5))
