# augmented assignment with ints and aliasing behaviour
a = 10
b = a
a += 1
print(a, b)
n = 0
for i in range(10):
    n += i
print(n)
m = 1
for i in range(1, 11):
    m *= i
print(m)
v = 1000
v -= 1
print(v)
v //= 7
print(v)
v %= 10
print(v)
v **= 2
print(v)
v <<= 3
print(v)
v >>= 1
print(v)
v &= 0xF
print(v)
v |= 0x30
print(v)
v ^= 0x11
print(v)
v /= 4
print(v)
print(type(v).__name__)
c = [1, 2, 3]
c[0] += 10
c[2] *= 5
print(c)
d = {'k': 1}
d['k'] += 41
print(d)
t = 7
t -= -7
print(t)
t = -t
print(t)
s = 0
for k in range(100):
    s += k * k
print(s)
z = 2
z **= 10
print(z)
z = -z
z //= 3
print(z)
z %= 7
print(z)
big = 1
for i in range(70):
    big <<= 1
print(big)
big >>= 65
print(big)
