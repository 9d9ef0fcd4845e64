# ellipse and poly: outlines, fills and quadrant masks, checked by shape properties (symmetry,
# extent, every outline point near the curve, fills containing the outlines).
import framebuf
from array import array

W, H = 41, 31
buf = bytearray(W * H)
fb = framebuf.FrameBuffer(buf, W, H, framebuf.GS8)


def points(c=None):
    return {(x, y) for y in range(H) for x in range(W) if (buf[x + y * W] if c is None else buf[x + y * W] == c)}


def extent(ps):
    xs = [p[0] for p in ps]
    ys = [p[1] for p in ps]
    return min(xs), max(xs), min(ys), max(ys)


for rx, ry in ((12, 6), (6, 12), (10, 10), (3, 5), (9, 3)):
    fb.fill(0)
    fb.ellipse(20, 15, rx, ry, 1)
    outline = points()
    print("ellipse", rx, ry, extent(outline))
    mirrored = all((40 - x, y) in outline and (x, 30 - y) in outline for x, y in outline)
    print(" symmetric", mirrored)
    if True:
        worst = max(abs(((x - 20) / rx) ** 2 + ((y - 15) / ry) ** 2 - 1) for x, y in outline)
        print(" near the curve", worst < 0.35)
    fb.fill(0)
    fb.ellipse(20, 15, rx, ry, 1, True)
    filled = points()
    print(" fill covers outline", outline <= filled, "rows", sorted({y for x, y in filled}) == list(range(15 - ry, 16 + ry)))
    rows_solid = all((x, y) in filled for y in range(H) for x in range(W) if (x - 1, y) in filled and (x + 1, y) in filled)
    print(" fill has no holes", rows_solid)

fb.fill(0)
for m in range(16):
    fb.fill(0)
    fb.ellipse(20, 15, 8, 5, 1, False, m)
    ps = points()
    q = [any(x > 20 and y < 15 for x, y in ps), any(x < 20 and y < 15 for x, y in ps),
         any(x < 20 and y > 15 for x, y in ps), any(x > 20 and y > 15 for x, y in ps)]
    print("mask", m, q == [bool(m & b) for b in (1, 2, 4, 8)], len(ps))
    fb.fill(0)
    fb.ellipse(20, 15, 8, 5, 1, True, m)
    print(" filled", len(points()))

# degenerate radii: the two runs of the algorithm reduce to their end points
for rx, ry in ((7, 0), (0, 4), (0, 0), (1, 1)):
    fb.fill(0)
    fb.ellipse(20, 15, rx, ry, 1)
    print("degenerate", rx, ry, sorted(points()))
    fb.fill(0)
    fb.ellipse(20, 15, rx, ry, 1, True)
    print(" filled", sorted(points()))

# clipped at the edges
for cx, cy in ((2, 2), (39, 2), (39, 29), (2, 29)):
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
