# list error cases
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


l = [1, 2, 3]
chk(lambda: l[3])
chk(lambda: l[-4])
chk(lambda: l['0'])
chk(lambda: l[1.0])
chk(lambda: l[None])
chk(lambda: [].pop())
chk(lambda: l.pop(5))
chk(lambda: l.index(9))
chk(lambda: l.remove(9))
chk(lambda: l + 1)
chk(lambda: l * 'a')
chk(lambda: l < 1)
chk(lambda: l.nosuch)
chk(lambda: l.insert())
chk(lambda: l.append(1, 2))
chk(lambda: hash(l))
chk(lambda: {l: 1})
chk(lambda: set([l]))
chk(lambda: sorted([1, 'a']))
chk(lambda: [1, 2] < [1, 'a'])


def set_oob():
    l[10] = 1


def set_neg_oob():
    l[-10] = 1


chk(set_oob)
chk(set_neg_oob)
print(l)
chk(lambda: l[0:1])
chk(lambda: l[::0])
chk(lambda: int(l))
chk(lambda: len(l, l))
