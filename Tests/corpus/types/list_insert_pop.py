# list.insert and list.pop with positive/negative/out-of-range indices
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


l = [1, 2, 3]
l.insert(0, 'a')
print(l)
l.insert(2, 'b')
print(l)
l.insert(len(l), 'end')
print(l)
l.insert(100, 'far')
print(l)
l.insert(-1, 'neg1')
print(l)
l.insert(-100, 'start')
print(l)
print(l.pop())
print(l)
print(l.pop(0))
print(l)
print(l.pop(-2))
print(l)
print(l.pop(1))
print(l)
chk(lambda: l.pop(100))
chk(lambda: l.pop(-100))
e = []
chk(lambda: e.pop())
e.insert(5, 'only')
print(e)
print(e.pop(), e)
stack = []
for c in 'abc':
    stack.append(c)
while stack:
    print(stack.pop(), end=' ')
print()
queue = [1, 2, 3]
while queue:
    print(queue.pop(0), len(queue))
x = [0, 1, 2, 3, 4, 5]
for i in (5, 3, 1):
    x.pop(i)
print(x)
chk(lambda: x.pop('a'))
