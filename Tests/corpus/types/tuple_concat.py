# tuple concatenation and repetition
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


a = (1, 2)
b = (3,)
print(a + b)
print(b + a)
print(a + ())
print(() + ())
print(a * 2)
print(2 * a)
print(a * 0)
print(a * -3)
c = a
c += b
print(a, c, a is c)
d = (0,)
d *= 4
print(d)
chk(lambda: a + [3])
chk(lambda: a + 3)
chk(lambda: a * 'x')
chk(lambda: a * 1.5)
chk(lambda: a - a)
t = ()
for i in range(5):
    t += (i,)
print(t)
print(t + t[::-1])
print((('a',) * 2) + (('b',) * 2))
print(len((1,) * 100))
nested = ((1, 2),) * 2
print(nested, nested[0] is nested[1])
print(tuple('ab') + tuple(range(2)))
print(sum([(1,), (2, 3)], ()))
print((1, 2) + (3,) == (1, 2, 3))
