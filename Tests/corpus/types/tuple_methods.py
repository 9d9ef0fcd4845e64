# tuple.count and tuple.index
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


t = (3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5)
print(t.count(5), t.count(1), t.count(7))
print(t.index(1), t.index(5), t.index(9))
print(t.index(1, 2))
print(t.index(5, 5))
print(t.index(5, 5, 9))
chk(lambda: t.index(7))
chk(lambda: t.index(4, 3))
chk(lambda: t.index(3, 1, 9))
print(().count(1))
chk(lambda: ().index(1))
print((1, 1.0, True).count(1))
print(('a', 'b', 'a').count('a'))
print(((1,), (1,), (2,)).count((1,)))
print(([1], [1]).index([1]))
print((None,).index(None))
words = tuple('the cat sat on the mat'.split())
print(words.count('the'), words.index('sat'), words.index('the', 1))
for v in (3, 1, 4, 5, 9, 2, 6):
    print(v, t.count(v), t.index(v))
