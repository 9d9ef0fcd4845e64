# complex conditions in if statements
def check(a, b, c):
    if a and b or c:
        r1 = 'T'
    else:
        r1 = 'F'
    if a and (b or c):
        r2 = 'T'
    else:
        r2 = 'F'
    if not a or not b and c:
        r3 = 'T'
    else:
        r3 = 'F'
    return r1 + r2 + r3
for a in (0, 1):
    for b in (0, 1):
        for c in (0, 1):
            print(a, b, c, check(a, b, c))
x = [1, 2, 3]
if x and x[0] == 1:
    print('safe index')
y = []
if y and y[0] == 1:
    print('never')
else:
    print('short-circuited')
s = 'abc'
if 'b' in s and s.startswith('a') and not s.endswith('z'):
    print('string checks')
if isinstance(x, list) and len(x) > 2:
    print('list of 3+')
n = 15
if n % 3 == 0 and n % 5 == 0:
    print('fizzbuzz')
if (n > 10) == True:
    print('comparison to True')
if type(n) is int:
    print('exact int')
val = None
if val is None or val < 0:
    print('none or negative')
