# bm_mandel: float arithmetic and comparisons in a tight escape-time loop.
import sys

EXPECTED = (56670, 5588513)


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def mandel(w, h, rows, maxit):
    inside = 0
    iters = 0
    for py in range(rows):
        ci = -1.25 + 2.5 * py / h
        for px in range(w):
            cr = -2.0 + 2.75 * px / w
            zr = 0.0
            zi = 0.0
            it = 0
            while it < maxit:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                it += 1
            if it == maxit:
                inside += 1
            iters += it
    return inside, iters


W = 500
H = 500
result = mandel(W, H, max(1, int(H * SCALE)), 80)
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
