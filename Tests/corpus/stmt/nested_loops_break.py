# nested loops with break / continue at several levels
for i in range(4):
    for j in range(4):
        if j > i:
            break
        print(i, j, end='; ')
    print()
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    else:
        continue
    break
print('found', found)
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        for k in range(3):
            if k == 2:
                break
            print(i, j, k)
count = 0
i = 0
while i < 5:
    i += 1
    for j in range(5):
        if j == i:
            break
        if (i + j) % 2:
            continue
        count += 1
print('count', count)
result = []
for x in range(3):
    for y in range(3):
        if x == y:
            continue
        result.append((x, y))
    else:
        result.append('end%d' % x)
print(result)
def first_dup(items):
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a == b:
                return a
    return None
print(first_dup([3, 1, 4, 1, 5]), first_dup([1, 2, 3]))
outer = 0
while True:
    outer += 1
    inner = 0
    while True:
        inner += 1
        if inner >= outer:
            break
    if outer >= 4:
        break
print(outer, inner)
