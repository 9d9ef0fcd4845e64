# values passed into coroutines through send()
class Request:
    def __init__(self, what):
        self.what = what
    def __await__(self):
        answer = yield self.what
        return answer
async def worker():
    name = await Request('name?')
    age = await Request('age?')
    return '%s is %d' % (name, age)
answers = {'name?': 'Ann', 'age?': 7}
c = worker()
q = c.send(None)
try:
    while True:
        print('question', q)
        q = c.send(answers[q])
except StopIteration as e:
    print('answer', e.value)
async def summer():
    total = 0
    while True:
        v = await Request('next')
        if v is None:
            return total
        total += v
s = summer()
print(s.send(None))
for v in [5, 10, 15]:
    print(s.send(v))
try:
    s.send(None)
except StopIteration as e:
    print('sum', e.value)
async def sub(tag):
    x = await Request(tag + '-1')
    y = await Request(tag + '-2')
    return x + y
async def parent():
    a = await sub('A')
    b = await sub('B')
    return a, b
p = parent()
out = p.send(None)
n = 0
try:
    while True:
        n += 1
        print('parent asked', out)
        out = p.send(n)
except StopIteration as e:
    print('parent result', e.value)
