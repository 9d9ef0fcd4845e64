# bm_loops: small-int arithmetic, comparisons and bit operations in nested while/for loops.
import sys

EXPECTED = (54318338, 292)


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def work(n):
    total = 0
    i = 0
    while i < n:
        acc = i
        j = 0
        while j < 60:
            acc = (acc * 31 + j) & 0xFFFF
            if acc % 3 == 0:
                total += acc >> 3
            elif acc & 4:
                total -= j
            else:
                total += 1
            j += 1
        for k in range(40):
            total ^= (k * i) & 1023
            total += k % 7
            if k > 30 and total & 1:
                total -= 3
        total &= 0xFFFFFFF
        i += 1
    return total


def triangle(n):
    count = 0
    for a in range(1, n):
        for b in range(a, n):
            c2 = a * a + b * b
            c = b
            while c * c < c2:
                c += 1
            if c * c == c2 and c < n:
                count += 1
    return count


n = max(1, int(60000 * SCALE))
result = (work(n), triangle(max(10, int(400 * SCALE))))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
