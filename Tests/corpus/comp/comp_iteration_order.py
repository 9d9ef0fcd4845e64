# evaluation order inside comprehensions
log = []
def src(name, n):
    log.append('src ' + name)
    return range(n)
def val(x):
    log.append('val %s' % (x,))
    return x
r = [val((a, b)) for a in src('outer', 2) for b in src('inner', 2)]
print(r)
for entry in log:
    print(entry)
log.clear()
r = [val(x) for x in src('filtered', 5) if x % 2]
print(r, log)
log.clear()
g = (val(x) for x in src('gen', 3))
print('genexpr created', log)
print(list(g), log)
