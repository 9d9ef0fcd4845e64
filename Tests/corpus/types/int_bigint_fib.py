# fibonacci numbers grow into big ints
a, b = 0, 1
for i in range(100):
    a, b = b, a + b
print(a)
fibs = [0, 1]
for i in range(200):
    fibs.append(fibs[-1] + fibs[-2])
print(fibs[150])
print(fibs[200])
print(len(str(fibs[200])))
print(fibs[200] % 10 ** 9)
print(fibs[199] * fibs[201] - fibs[200] ** 2)
print(fibs[198] * fibs[200] - fibs[199] ** 2)
for n in (10, 50, 90, 91, 92, 93, 94, 100):
    print(n, fibs[n])
print(sum(fibs[:100]))
print(fibs[100] // fibs[99])
print(fibs[100] * 1000 // fibs[99])
print([f % 10 for f in fibs[:30]])
print(fibs.index(fibs[120]))
print(fibs[120] in fibs)
print(fibs[120] + 1 in fibs)
