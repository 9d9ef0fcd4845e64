# str indexing with positive and negative indices, IndexError
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


s = 'python'
print(s[0], s[1], s[5])
print(s[-1], s[-2], s[-6])
chk(lambda: s[6])
chk(lambda: s[-7])
chk(lambda: s[100])
chk(lambda: ''[0])
chk(lambda: s['a'])
chk(lambda: s[None])
print(type(s[0]).__name__, len(s[0]))
for i in range(len(s)):
    print(i, s[i], s[-1 - i])
u = 'aé€😀'
for i in range(len(u)):
    print(i, u[i], u[-1 - i], ord(u[i]))
chk(lambda: u[4])
chk(lambda: u[-5])
print(s[True])
print('x'[0][0][0])
print(s[len(s) - 1])
