# consumers that stop early: break, return, next() with default
def numbers():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print('numbers generator cleaned up at', n)
g = numbers()
for v in g:
    if v == 3:
        break
g.close()
def first_match(pred):
    gen = numbers()
    try:
        for v in gen:
            if pred(v):
                return v
    finally:
        gen.close()
print(first_match(lambda v: v * v > 30))
h = numbers()
print(next(h), next(h))
h.close()
print(next(h, 'closed default'))
def limited(n):
    for i in range(n):
        yield i
print(next(limited(0), 'empty'), next(limited(3), 'empty'))
print(list(zip(limited(3), limited(10))))
