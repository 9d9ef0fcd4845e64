# assorted comprehension uses
text = 'the cat sat on the mat with the hat'
words = text.split()
freq = {w: words.count(w) for w in set(words)}
print(sorted(freq.items()))
print(sorted(freq, key=lambda w: (-freq[w], w))[:3])
print([w for w in words if len(w) == 3 and w != 'the'])
print(sorted({w[0] for w in words}))
table = [[r * c for c in range(1, 6)] for r in range(1, 6)]
for row in table:
    print(' '.join('%3d' % v for v in row))
print([i for i in range(1, 50) if sum(d for d in range(1, i) if i % d == 0) == i])
primes = [n for n in range(2, 60) if all(n % p for p in range(2, int(n ** 0.5) + 1))]
print(primes)
print([chr(ord('a') + i) for i in range(26)][::5])
print(''.join([c.upper() if i % 2 else c for i, c in enumerate('alternating')]))
fizz = ['FizzBuzz' if i % 15 == 0 else 'Fizz' if i % 3 == 0 else 'Buzz' if i % 5 == 0 else str(i) for i in range(1, 16)]
print(fizz)
transposed = list(zip(*[[1, 2, 3], [4, 5, 6]]))
print(transposed)
print([list(t) for t in transposed])
print(sum(x * y for x, y in zip([1, 2, 3], [4, 5, 6])))
print({n: bin(n)[2:] for n in range(5)} == {0: '0', 1: '1', 2: '10', 3: '11', 4: '100'})
print(sorted([(len(w), w) for w in set(words)])[-2:])
