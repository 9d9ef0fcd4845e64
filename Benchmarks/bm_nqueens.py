# bm_nqueens: counting N-queens solutions by recursive backtracking over occupancy lists
# (no permutations); list indexing, booleans, recursion.
import sys

EXPECTED = (53760, 267)


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    count = 0

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            d1 = row + c
            d2 = row - c + n
            if not cols[c] and not diag1[d1] and not diag2[d2]:
                cols[c] = True
                diag1[d1] = True
                diag2[d2] = True
                place(row + 1)
                cols[c] = False
                diag1[d1] = False
                diag2[d2] = False

    place(0)
    return count


def solve_first(n):
    # Iterative backtracking: returns the first solution in lexicographic order.
    queens = []
    c = 0
    while len(queens) < n:
        row = len(queens)
        placed = False
        while c < n:
            ok = True
            for r in range(row):
                q = queens[r]
                if q == c or row - r == c - q or row - r == q - c:
                    ok = False
                    break
            if ok:
                queens.append(c)
                c = 0
                placed = True
                break
            c += 1
        if not placed:
            c = queens.pop() + 1
    return queens


def work(reps):
    total = 0
    for i in range(reps):
        total += solve(9) + solve(8) + solve(6)
    first = solve_first(10)
    return total, sum([(i + 1) * q for i, q in enumerate(first)])


result = work(max(1, int(120 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
