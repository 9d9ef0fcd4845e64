# str.format with keyword fields and mixing
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


print('{name}'.format(name='Ann'))
print('{a} {b}'.format(a=1, b=2))
print('{b} {a}'.format(a=1, b=2))
print('{x}{x}'.format(x='!'))
print('{0} {k}'.format('pos', k='kw'))
print('{} {k} {}'.format(1, 2, k=3))
d = {'user': 'bob', 'id': 7}
print('{user}:{id}'.format(**d))
print('{user!r}'.format(**d))
print('{id:>5}|'.format(**d))
print('{id:05d}'.format(id=42))
print('{val:.2f}'.format(val=3.14159))
print('{s:^9}|'.format(s='mid'))
print('{s:*<6}|{s:*>6}'.format(s='ab'))
chk(lambda: '{missing}'.format(a=1))
chk(lambda: '{a}'.format(1))
print('{first} {last}'.format(last='Doe', first='Jane'))
print('{_x}'.format(_x='underscore'))
print('{a1}'.format(a1='digit'))
tmpl = '{greet}, {who}!'
for g, w in (('Hi', 'you'), ('Hello', 'world')):
    print(tmpl.format(greet=g, who=w))
print('{0}{n}{1}'.format('<', '>', n='mid'))
print('{:}'.format('empty spec'))
print('{n:}'.format(n=5))
