# nested lists: indexing, mutation, flattening, matrix ops
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1])
print(m[1][2])
print(m[-1][-1])
print([row[0] for row in m])
print([m[i][i] for i in range(3)])
print([list(col) for col in zip(*m)])
m[0][0] = 100
print(m)
m[2] = [0]
print(m)
flat = [x for row in m for x in row]
print(flat)
deep = [1, [2, [3, [4, [5]]]]]
print(deep[1][1][1][1][0])


def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


print(flatten(deep))
print(len(deep), len(deep[1]))
t = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        t[i][j] = i * 3 + j
print(t)
print(sum(sum(r) for r in t))
print([[r[j] for r in t] for j in range(3)])
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
prod = [[sum(a[i][k] * b[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
print(prod)
print([[1], [2]] + [[3]])
empty = [[], [[]], [[], []]]
print(empty, len(empty[2]))
print(str([[1, 'a'], ['b', [None]]]))
self_ref = [1]
self_ref.append(self_ref)
print(self_ref)
print(self_ref[1][1][1][0])
