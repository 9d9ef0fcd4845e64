# divmod with floats and mixed int/float
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print(divmod(7.5, 2))
print(divmod(-7.5, 2))
print(divmod(7.5, -2))
print(divmod(-7.5, -2))
print(divmod(9.0, 3.0))
print(divmod(10, 2.5))
print(divmod(-10, 2.5))
print(divmod(0.75, 0.25))
print(divmod(1.0, 0.5))
print(divmod(5.5, 1))
print(divmod(-5.5, 1))
print(divmod(0.0, 5))
for a, b in ((8.5, 2.0), (-8.5, 2.0), (8.5, -2.0), (3.0, 4.0), (-3.0, 4.0)):
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
chk(lambda: divmod(1.0, 0.0))
chk(lambda: divmod(1, 0.0))
chk(lambda: 1.0 // 0)
chk(lambda: 1.0 % 0)
chk(lambda: 1.0 / 0)
chk(lambda: 0.0 / 0.0)
chk(lambda: divmod(5.0, 0))
print(type(divmod(7.0, 2)[0]).__name__)
