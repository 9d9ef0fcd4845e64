# chaining several string methods on realistic data
csv = 'name, age ,city\n Alice,30, Paris \nBob , 25,Berlin\n'
rows = [line.split(',') for line in csv.strip().split('\n')]
clean = [[cell.strip() for cell in row] for row in rows]
print(clean)
header, *data = clean
for r in data:
    print(dict(zip(header, r)))
text = '  The Quick  Brown Fox  '
print(text.strip().lower().split())
print('-'.join(text.split()).upper())
print(text.replace(' ', '').lower())
print(text.strip().replace('  ', ' ').count(' '))
url = 'https://example.com/path/to/page?x=1&y=2'
scheme, _, rest = url.partition('://')
host, _, path = rest.partition('/')
path, _, query = path.partition('?')
print(scheme, host, path, query)
params = dict(p.split('=') for p in query.split('&'))
print(sorted(params.items()))
print(url.rsplit('/', 1)[-1])
print(url.startswith('https'), url.endswith('=2'))
word = 'Level'
print(word.lower() == ''.join(reversed(word.lower())))
s = 'a-b_c d'
for sep in '-_ ':
    s = s.replace(sep, '|')
print(s, s.split('|'))
print('{:>10}'.format('x').replace(' ', '.'))
print(' hello '.strip().center(11).upper())
n = '1,234,567'
print(int(n.replace(',', '')) + 1)
print('%s=%s' % tuple('k:v'.split(':')))
print(','.join(sorted('c,a,b'.split(','))))
words = 'to be or not to be'.split()
print(sorted(set(words)))
print(max(words, key=len), words.count('be'))
