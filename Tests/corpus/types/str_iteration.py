# iterating over strings
for c in 'abc':
    print(c)
print(list('hello'))
print(tuple('hi'))
print(list(''))
print([c for c in 'héllo'])
print(list('日本語'))
print(list('a😀b'))
it = iter('xy')
print(next(it))
print(next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
for i, c in enumerate('abc'):
    print(i, c)
print(list(reversed('abc')))
print(list(zip('abc', 'xyz')))
print(sorted('dcba'))
print(set('aab') == {'a', 'b'})
print(list(map(ord, 'AZ')))
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print(''.join(c for c in 'a1b2' if c.isalpha()))
print(len([c for c in 'a b c' if c != ' ']))
n = 0
for c in 'aé€😀':
    n += len(c.encode())
print(n)
print(any(c.isdigit() for c in 'abc1'))
print(all(c.islower() for c in 'abc'))
