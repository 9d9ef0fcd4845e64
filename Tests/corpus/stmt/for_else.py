# for loops with else, break and continue
for i in range(3):
    print('iter', i)
else:
    print('else ran')
for i in range(5):
    if i == 2:
        print('break at', i)
        break
else:
    print('else should not run')
for i in []:
    print('never')
else:
    print('else on empty')
for i in range(6):
    if i % 2 == 0:
        continue
    print('odd', i)
else:
    print('else after continue loop')
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            return idx
    else:
        return -1
print(find([5, 6, 7], 6), find([5, 6, 7], 9))
for ch in 'abc':
    print(ch, end=' ')
print()
for k in sorted({'b': 1, 'a': 2}):
    print(k)
for a, b in zip([1, 2, 3], 'xyz'):
    print(a, b)
for i in range(10, 0, -3):
    print(i)
lst = [1, 2, 3]
for x in lst:
    x *= 10
print(lst)
for i in range(3):
    pass
print('i after loop', i)
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
