# comprehensions over strings
s = 'Hello, World! 123'
print([c for c in s if c.isalpha()])
print(''.join([c for c in s if c.isdigit()]))
print([c.lower() for c in s if c.isupper()])
print(sorted({c.lower() for c in s if c.isalpha()}))
print({c: s.count(c) for c in 'lo'} == {'l': 3, 'o': 2})
words = 'the quick brown fox jumps over the lazy dog'.split()
print([w[0].upper() + w[1:] for w in words])  # no str.capitalize() in MicroPython
print([w[::-1] for w in words if len(w) > 4])
print(' '.join(w[0] for w in words))
print([len(w) for w in words])
print(sorted(set(words)))
print([(w, i) for i, w in enumerate(words) if w == 'the'])
print(''.join(chr(ord(c) + 1) if c.isalpha() else c for c in 'abc xyz'))
print([s[i:i + 3] for i in range(0, len(s), 3)])
print([line.strip() for line in ' a \n b\n  c  '.split('\n')])
