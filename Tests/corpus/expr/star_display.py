# star unpacking in list/tuple/set displays
a = [1, 2]
b = (3, 4)
print([*a, *b])
print([0, *a, 5])
print((*a, *b))
print((*a,))
print(sorted({*a, *b, 1}))
print([*range(3), *'xy'])
print([*a])
print([*[], *[]])
t = *a, *b
print(t)
print([*(i * i for i in range(4))])
print(len([*a, *a, *a]))
print([*{'k': 1}])
print((0, *range(2), *[9]))
x = [*a]
x.append(99)
print(a, x)
print(sorted({*'hello'}))
print([*a, *b][::-1])
print(tuple([*b, *a]))
