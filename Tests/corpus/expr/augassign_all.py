# augmented assignment with all 13 operators
x = 100
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 7; print(x)
x %= 10; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xff; print(x)
x |= 0x100; print(x)
x ^= 0x1ff; print(x)
y = 10
y /= 4; print(y)
y += 0.5; print(y)
y **= 2; print(y)
y //= 2; print(y)
y %= 4; print(y)
s = 'ab'
s += 'cd'; print(s)
s *= 2; print(s)
l = [1]
l += [2, 3]; print(l)
l *= 2; print(l)
l2 = l
l2 += [9]
print(l is l2, l)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = [10, 20, 30]
d[1] += 5; print(d)
d[-1] //= 7; print(d)
class C:
    pass
c = C()
c.v = 1
c.v += 10; print(c.v)
c.v <<= 3; print(c.v)
m = {'k': 1}
m['k'] -= 5; print(m['k'])
b = True
b += 1; print(b)
n = 2 ** 60
n *= n; print(n)
n >>= 100; print(n)
z = 0b1010
z ^= z; print(z)
