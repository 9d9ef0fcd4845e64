# ellipse and poly: outlines, fills and quadrant masks, checked by shape properties (symmetry,
# extent, every outline point near the curve, fills containing the outlines).
import framebuf
from array import array

W, H = 33, 27
CX, CY = 16, 13
buf = bytearray(W * H)
fb = framebuf.FrameBuffer(buf, W, H, framebuf.GS8)


def points():
    ps = set()
    i = 0
    for v in buf:
        if v:
            ps.add((i % W, i // W))
        i += 1
    return ps


def extent(ps):
    xs = [p[0] for p in ps]
    ys = [p[1] for p in ps]
    return min(xs), max(xs), min(ys), max(ys)


for rx, ry in ((12, 6), (6, 11), (9, 9), (3, 5)):
    fb.fill(0)
    fb.ellipse(CX, CY, rx, ry, 1)
    outline = points()
    print("ellipse", rx, ry, extent(outline))
    mirrored = all((2 * CX - x, y) in outline and (x, 2 * CY - y) in outline for x, y in outline)
    print(" symmetric", mirrored)
    if True:
        worst = max(abs(((x - CX) / rx) ** 2 + ((y - CY) / ry) ** 2 - 1) for x, y in outline)
        print(" near the curve", worst < 0.35)
    fb.fill(0)
    fb.ellipse(CX, CY, rx, ry, 1, True)
    filled = points()
    print(" fill covers outline", outline <= filled, "rows", sorted({y for x, y in filled}) == list(range(CY - ry, CY + ry + 1)))
    rows_solid = all((x, y) in filled for y in range(H) for x in range(W) if (x - 1, y) in filled and (x + 1, y) in filled)
    print(" fill has no holes", rows_solid)

fb.fill(0)
for m in (0, 1, 2, 4, 8, 5, 10, 15):
    fb.fill(0)
    fb.ellipse(CX, CY, 8, 5, 1, False, m)
    ps = points()
    q = [any(x > CX and y < CY for x, y in ps), any(x < CX and y < CY for x, y in ps),
         any(x < CX and y > CY for x, y in ps), any(x > CX and y > CY for x, y in ps)]
    print("mask", m, q == [bool(m & b) for b in (1, 2, 4, 8)], len(ps))
    fb.fill(0)
    fb.ellipse(CX, CY, 8, 5, 1, True, m)
    print(" filled", len(points()))

# degenerate radii: the two runs of the algorithm reduce to their end points
for rx, ry in ((7, 0), (0, 4), (0, 0), (1, 1)):
    fb.fill(0)
    fb.ellipse(CX, CY, rx, ry, 1)
    print("degenerate", rx, ry, sorted(points()))
    fb.fill(0)
    fb.ellipse(CX, CY, rx, ry, 1, True)
    print(" filled", sorted(points()))

# clipped at the edges
for cx, cy in ((2, 2), (31, 2), (31, 25), (2, 25)):
    fb.fill(0)
    fb.ellipse(cx, cy, 6, 12, 7, True)
    print("clipped", cx, cy, extent(points()))

# polygons: a square, a triangle, a concave arrow, outlines and fills
square = array("h", [0, 0, 9, 0, 9, 9, 0, 9])
fb.fill(0)
fb.poly(5, 5, square, 1)
print("square outline", len(points()), extent(points()))
fb.fill(0)
fb.poly(5, 5, square, 1, True)
print("square fill", len(points()), extent(points()))
tri = array("h", [0, 0, 20, 10, 0, 20])
fb.fill(0)
fb.poly(2, 2, tri, 2)
outline = points()
fb.fill(0)
fb.poly(2, 2, tri, 2, True)
filled = points()
print("triangle", extent(outline), extent(filled), outline <= filled, len(filled))
arrow = array("b", [0, 0, 16, 8, 0, 16, 6, 8])
fb.fill(0)
fb.poly(10, 5, arrow, 3, True)
filled = points()
print("arrow", extent(filled), (20, 13) in filled, (12, 13) in filled, (11, 13) in filled, len(filled))
fb.fill(0)
fb.poly(0, 0, array("h"), 1)
fb.poly(3, 3, array("h", [4, 4]), 1, True)
print("degenerate", sorted(points()))
fb.poly(0, 0, [1, 2, 3, 4], 1)
print(sorted(points()))
try:
    fb.poly(0, 0, 5, 1)
except TypeError:
    print("TypeError")
