# max()/min() error cases
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


chk(lambda: max([]))
chk(lambda: min(()))
chk(lambda: max(''))
chk(lambda: max())
chk(lambda: min())
chk(lambda: max(5))
chk(lambda: max(None))
chk(lambda: max(1, 'a'))
chk(lambda: min([1, None]))
chk(lambda: max([1, 2], [3]))
chk(lambda: max([1, 2], key=5))
chk(lambda: max([], key=len))
chk(lambda: min(iter([])))
chk(lambda: max([{1}, {2}]))
chk(lambda: max([1j, 2j]))
chk(lambda: min([[1], (1,)]))
chk(lambda: max([], default=None))
chk(lambda: max(1, 2))
chk(lambda: min('only'))
chk(lambda: max([3], default=9))
