# augmented assignment evaluates the target expression only once
log = []
data = [0, 0, 0]
def idx(i):
    log.append('idx%d' % i)
    return i
def obj():
    log.append('obj')
    return data
obj()[idx(1)] += 5
print(data, log)
log.clear()
obj()[idx(2)] -= 1
print(data, log)
log.clear()
class Box:
    def __init__(self):
        self.val = 1
b = Box()
def getb():
    log.append('getb')
    return b
getb().val *= 7
print(b.val, log)
log.clear()
d = {'a': [1]}
def key():
    log.append('key')
    return 'a'
d[key()] += [2]
print(d['a'], log)
log.clear()
nested = [[1, 2], [3, 4]]
nested[idx(1)][idx(0)] **= 2
print(nested, log)
log.clear()
lst = [1, 2, 3, 4, 5]
lst[1:3] += []
print(lst)
for i in range(3):
    data[i] += i * 10
print(data)
