# divmod on small ints, including negatives and identity check
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17), (-5, 17), (100, 10), (-100, 10), (1, 1), (-1, 1), (3, -1)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
chk(lambda: divmod(5, 0))
chk(lambda: 5 // 0)
chk(lambda: 5 % 0)
chk(lambda: 0 // 0)
chk(lambda: divmod(0, 0))
chk(lambda: 5 / 0)
chk(lambda: divmod(7, 2.0))
chk(lambda: divmod(True, 2))
chk(lambda: type(divmod(7, 2)).__name__)
chk(lambda: divmod(1000000007, 1000))
chk(lambda: divmod(-1000000007, 1000))
