# float error cases
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: 1.0 / 0)
chk(lambda: 1.0 / 0.0)
chk(lambda: 0.0 / 0)
chk(lambda: 1 / 0.0)
chk(lambda: 1.0 // 0.0)
chk(lambda: 1.0 % 0.0)
chk(lambda: divmod(2.0, 0.0))
chk(lambda: 1.5 + 'a')
chk(lambda: 'a' * 1.5)
chk(lambda: [1] * 2.0)
chk(lambda: 1.5 & 1)
chk(lambda: 1.5 | 1)
chk(lambda: ~1.5)
chk(lambda: 1.5 << 1)
L = [1, 2]
S = 'abc'
F = 1.0
chk(lambda: L[F])
chk(lambda: S[F])
chk(lambda: range(1.5))
chk(lambda: float('x'))
chk(lambda: float([]))
chk(lambda: int(float('nan')))
chk(lambda: int(float('inf')))
chk(lambda: 1.5 < 'a')
chk(lambda: 1.5 == 'a')
chk(lambda: 1.5 + None)
chk(lambda: hex(1.5))
chk(lambda: bin(2.0))
chk(lambda: chr(65.0))
chk(lambda: 1e308 + 1e308)
chk(lambda: (-8.0) ** 0.5 == 0)
