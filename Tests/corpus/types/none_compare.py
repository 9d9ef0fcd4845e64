# NoneType: ordering comparisons raise TypeError, equality works
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: None < 1)
chk(lambda: None > 1)
chk(lambda: None <= None)
chk(lambda: None >= 0)
chk(lambda: 1 < None)
chk(lambda: None + 1)
chk(lambda: 1 + None)
chk(lambda: None * 2)
chk(lambda: -None)
n = None
chk(lambda: n[0])
chk(lambda: len(None))
chk(lambda: None == None)
chk(lambda: None != 1)
chk(lambda: None is None)
chk(lambda: [None] == [None])
chk(lambda: (None, 1) == (None, 1))
chk(lambda: (None, 1) == (None, 2))
chk(lambda: iter(None))
chk(lambda: n())
chk(lambda: None.foo)
chk(lambda: int(None))
chk(lambda: float(None))
chk(lambda: str(None))
chk(lambda: repr(None))
chk(lambda: [1, None].index(None))
chk(lambda: [None, 1, None].count(None))
chk(lambda: sorted([3, 1, 2]) == [1, 2, 3])
chk(lambda: max(None, 1))
x = None
for v in (None, 0, '', [], 'a', 1):
    print(repr(v), v is None, v == None)
