# while loops with else, break and continue
n = 0
while n < 3:
    print('n', n)
    n += 1
else:
    print('while else', n)
n = 0
while True:
    n += 1
    if n > 4:
        break
print('broke at', n)
n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print('multiple of 3:', n)
else:
    print('else after continue')
n = 10
while n < 5:
    print('never')
else:
    print('else when condition false at start')
n = 0
while n < 10:
    if n == 5:
        break
    n += 1
else:
    print('not printed')
print('n =', n)
def collatz(x):
    steps = 0
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 12)])
stack = [1, 2, 3]
while stack:
    print('pop', stack.pop())
a, b = 0, 1
fib = []
while a < 100:
    fib.append(a)
    a, b = b, a + b
print(fib)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            j += 1
            continue
        print(i, j)
        j += 1
    i += 1
