# bm_closures: closures (including nonlocal), lambdas, default-argument capture, map/filter,
# sorted/min/max with key functions, higher-order composition.
import sys

EXPECTED = 158118184


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def make_adder(n):
    def add(x):
        return x + n

    return add


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


def compose(f, g):
    return lambda x: f(g(x))


def apply_n(f, n, x):
    for i in range(n):
        x = f(x)
    return x


def make_ops():
    return [lambda x, i=i: (x * i + 1) % 1009 for i in range(8)]


def work(rounds):
    check = 0
    counter = make_counter()
    ops = make_ops()
    words = ["pear", "fig", "apple", "kiwi", "banana", "plum", "cherry", "date", "lime", "mango"]
    for r in range(rounds):
        add3 = make_adder(3)
        add_r = make_adder(r % 11)
        f = compose(add3, add_r)
        check += apply_n(f, 20, r % 17)
        nums = list(map(lambda x: (x * 37 + r) % 101 - 50, range(40)))
        pos = list(filter(lambda x: x > 0, nums))
        check += len(pos) + sum(map(add3, pos))
        by_abs = sorted(nums, key=lambda x: (abs(x), x))
        check += by_abs[0] + by_abs[-1] * 3
        ws = sorted(words, key=lambda w: (len(w), w))
        check += len(ws[0]) + ord(ws[-1][0])
        ws2 = sorted(words, key=lambda w: w[-1] + w, reverse=True)
        check += ord(ws2[0][0])
        check += max(nums, key=lambda x: (x * x, x)) + min(words, key=lambda w: (w[1], w)).find("a")
        for op in ops:
            check += op(r)
        check += counter(r % 3)
        scale = r % 5
        scaled = [g(v) for g in (lambda v: v * scale, lambda v: v - scale) for v in (1, 2, 3)]
        check += sum(scaled)
        check &= 0xFFFFFFF
    return check + counter(0)


result = work(max(1, int(25000 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
