# tuple creation, len, indexing, slicing, immutability
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


t = (1, 'a', 2.5, None)
print(t, len(t))
print(t[0], t[-1], t[1:3])
print(t[::2], t[::-1])
print(())
print((1,))
print(tuple())
print(1, 2)
x = 1, 2, 3
print(x, type(x).__name__)
single = 5,
print(single)
print((5))
print(tuple([1, 2]), tuple('ab'), tuple(range(3)))
print(tuple(x for x in 'xyz'))
print(bool(()), bool((0,)))


def set_item():
    t[0] = 9


def del_item():
    del t[0]


chk(set_item)
chk(del_item)
chk(lambda: t[10])
chk(lambda: t.append(1))
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
print(('a',) * 3)
print(tuple(t) == t)
print(len(((),)), len((((),),)))
print((1, 2) + (3,))
print(t[1:1])
print(repr((1, 'x')))
print(str(('it\'s',)))
print(type(()).__name__)
