# bm_generators: generator functions, generator expressions, yield from pipelines, send().
import sys

EXPECTED = 24023392


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chain(*iters):
    for it in iters:
        yield from it


def take(it, n):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000003


def build_tree(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return (build_tree(lo, mid), mid, build_tree(mid + 1, hi))


def walk(node):
    if node is not None:
        yield from walk(node[0])
        yield node[1]
        yield from walk(node[2])


def accumulator():
    total = 0
    while True:
        v = yield total
        total += v


def work(rounds):
    check = 0
    tree = build_tree(0, 127)
    for r in range(rounds):
        check += sum(evens(squares(count_up(200 + r % 7))))
        check += sum(x * 3 for x in range(150) if x % 5)
        check += max(take(fib_gen(), 60))
        total = 0
        for x in chain(count_up(20), squares(range(10)), [r]):
            total += x
        check += total
        inorder = 0
        prev = -1
        for v in walk(tree):
            if v > prev:
                inorder += 1
            prev = v
        check += inorder
        acc = accumulator()
        next(acc)
        for i in range(30):
            last = acc.send(i + r % 3)
        check += last
        pairs = list(zip(count_up(10), (c for c in "generators")))
        check += len(pairs) + ord(pairs[-1][1])
        check += len([y for y in (x * x for x in range(50)) if y & 1])
        check &= 0xFFFFFFF
    return check


result = work(max(1, int(8500 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
