# infinite generators consumed with manual islice-like helpers
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def islice(it, start, stop, step=1):
    it = iter(it)
    i = 0
    for x in it:
        if i >= stop:
            return
        if i >= start and (i - start) % step == 0:
            yield x
        i += 1
print(take(5, naturals()))
print(list(islice(naturals(), 3, 10)))
print(list(islice(naturals(), 0, 20, 5)))
def squares():
    for n in naturals(1):
        yield n * n
print(take(8, squares()))
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(take(12, primes()))
def cycle(seq):
    while True:
        for x in seq:
            yield x
print(take(7, cycle('ab')))
def repeat(v):
    while True:
        yield v
print(take(3, repeat('r')))
def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
print(list(takewhile(lambda x: x < 30, squares())))
def dropwhile(pred, it):
    it = iter(it)
    for x in it:
        if not pred(x):
            yield x
            break
    yield from it
print(take(4, dropwhile(lambda x: x < 5, naturals())))
def pairwise(it):
    it = iter(it)
    prev = next(it)
    for x in it:
        yield prev, x
        prev = x
print(take(4, pairwise(naturals())))
def accumulate(it):
    total = 0
    for x in it:
        total += x
        yield total
print(take(6, accumulate(naturals(1))))
gen = naturals()
print(next(gen), next(gen))
print(take(3, gen))
print(next(gen))
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(27))[:10], len(list(collatz(27))))
