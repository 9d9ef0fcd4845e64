# string concatenation and repetition
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print('ab' + 'cd')
print('' + 'x' + '')
print('ab' * 3)
print(3 * 'ab')
print(repr('ab' * 0))
print(repr('ab' * -2))
print('-' * 20)
print('é' * 3)
print('日本' * 2)
print(len('€' * 10))
s = 'a'
s += 'b'
s += 'c'
print(s)
s *= 2
print(s)
t = s
t += '!'
print(s, t)
chk(lambda: 'a' + 1)
chk(lambda: 1 + 'a')
chk(lambda: 'a' + None)
chk(lambda: 'a' * 'b')
chk(lambda: 'a' * 1.5)
chk(lambda: 'a' + b'b')
chk(lambda: 'a' - 'a')
print('a' 'b' 'c')
print(('x' 'y') * 2)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts)
acc = ''
for c in 'hello':
    acc = c + acc
print(acc)
print('=' * 3 + '>' + '<' + '=' * 3)
print(('ab' * 3).count('ab'))
print('abc' * True)
print('abc' * False == '')
