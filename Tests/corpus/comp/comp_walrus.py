# assignment expressions inside comprehensions
data = [5, 12, 7, 20, 3]
print([y for x in data if (y := x * 2) > 15])
print(y)
print([(x, sq) for x in range(6) if (sq := x * x) % 2 == 0])
total = 0
running = [total := total + x for x in [1, 2, 3, 4]]
print(running, total)
def f():
    hits = [m for w in ['aa', 'b', 'ccc'] if (m := len(w)) > 1]
    return hits, m
print(f())
print({k: v for k in 'ab' if (v := ord(k)) > 97})
print(any((found := x) > 10 for x in data), found)
print(all((last := x) < 10 for x in data), last)
