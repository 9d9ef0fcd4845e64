# if / elif / else
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'
for n in [-5, 0, 3, 9, 10, 99, 100, 1000]:
    print(n, classify(n))
x = 5
if x:
    print('truthy')
if not x:
    print('never')
else:
    print('else branch')
if x > 3:
    if x > 4:
        print('nested both')
    else:
        print('nested outer only')
if x == 1: print('one')
elif x == 5: print('five')
else: print('other')
if []:
    print('empty list true?')
elif {}:
    print('empty dict true?')
elif '':
    print('empty str true?')
else:
    print('all empties false')
y = 0
if x > 0 and (y := x * 2) > 5:
    print('walrus in if', y)
if 1 < x < 10: print('in range')
if None: pass
else: print('None is falsy')
for v in [0, 1, 2, 3]:
    if v % 2:
        print(v, 'odd')
    else:
        print(v, 'even')
if True:
    pass
print('after pass')
