# bm_fib: recursive Fibonacci -- function-call overhead, small-int add/compare.
import sys

EXPECTED = 5581494


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(reps):
    total = 0
    for i in range(reps):
        total += fib(27 + i % 4)
    return total


result = main(max(1, int(12 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
