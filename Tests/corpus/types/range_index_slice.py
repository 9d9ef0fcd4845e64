# range indexing and slicing
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


r = range(10, 30, 2)
print(r[0], r[1], r[-1], r[-2], r[5])
chk(lambda: r[10])
chk(lambda: r[-11])
chk(lambda: r['a'])
print(r[2:5])
print(list(r[2:5]))
print(r[:3])
print(r[7:])
print(r[::2])
print(list(r[::2]))
print(r[1::3])
print(r[-3:])
print(list(r[-3:]))
print(r[:])
print(range(10)[2:100])
print(range(10)[3:3])
print(len(range(10)[3:3]))
s = range(0, 100, 10)
print(s[1:4], list(s[1:4]))
print(s[::3], list(s[::3]))
print(len(s[2:8]))
print(s[2:8][1], s[2:8][-1])
print(range(5)[-1], range(5)[0])
print(range(0, -10, -1)[3])
print(list(range(0, -10, -1)[2:5]))
print(list(range(0, 20, 5)).index(15))
t = range(3, 12, 3)
for i in range(len(t)):
    print(i, t[i])
