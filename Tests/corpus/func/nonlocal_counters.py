# counters built with nonlocal
def make_counter(start=0, step=1):
    value = start
    def nxt():
        nonlocal value
        current = value
        value += step
        return current
    def reset():
        nonlocal value
        value = start
    return nxt, reset
nxt, reset = make_counter()
print(nxt(), nxt(), nxt())
reset()
print(nxt())
n2, r2 = make_counter(10, -3)
print([n2() for _ in range(5)])
def memoize(f):
    cache = {}
    hits = 0
    def wrapper(n):
        nonlocal hits
        if n in cache:
            hits += 1
            return cache[n]
        r = f(n)
        cache[n] = r
        return r
    def stats():
        return hits, len(cache)
    return wrapper, stats
def square(n):
    return n * n
sq, stats = memoize(square)
print([sq(i % 4) for i in range(10)])
print(stats())
def running_avg():
    total = 0
    count = 0
    def add(x):
        nonlocal total, count
        total += x
        count += 1
        return total / count
    return add
avg = running_avg()
print(avg(10), avg(20), avg(30))
def toggler():
    state = False
    def toggle():
        nonlocal state
        state = not state
        return state
    return toggle
t = toggler()
print([t() for _ in range(4)])
def fib_gen_closure():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
s = fib_gen_closure()
print([s() for _ in range(12)])
