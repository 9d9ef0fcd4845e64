# del on list items and step-1 slices
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


l = list(range(10))
del l[0]
print(l)
del l[-1]
print(l)
del l[2:4]
print(l)
del l[:2]
print(l)
del l[-2:]
print(l)
del l[5:1]
print(l)
del l[100:]
print(l)
del l[:]
print(l)
m = ['a', 'b', 'c']
alias = m
del m[1]
print(m, alias)


def del_oob():
    del m[10]


def del_neg_oob():
    del m[-10]


def del_str():
    del m['a']


chk(del_oob)
chk(del_neg_oob)
chk(del_str)
print(m)
n = [[1, 2], [3, 4]]
del n[0][1]
print(n)
del n[1][:]
print(n)
x = [1, 2, 3]
del x
try:
    print(x)
except NameError:
    print('NameError')
y = list(range(6))
while y:
    del y[0]
    print(y)
