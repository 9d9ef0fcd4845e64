# bm_fannkuch: fannkuch-redux -- permutation generation and prefix reversal with list
# indexing and slice assignment.
import sys

EXPECTED = (8629, 30, 1616, 22)


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def fannkuch(n, limit):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k != 0:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # Next permutation (counting order, as in the reference C program).
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1
        if perm_index >= limit:
            return checksum, max_flips


result = fannkuch(9, max(1, int(362880 * SCALE))) + fannkuch(8, max(1, int(40320 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
