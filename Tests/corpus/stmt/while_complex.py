# while loop conditions and bodies
data = [5, 3, 8, 1, 9, 2]
i = 0
while i < len(data) and data[i] != 1:
    i += 1
print('found 1 at', i)
lo, hi = 0, 100
target = 37
steps = 0
while lo <= hi:
    mid = (lo + hi) // 2
    steps += 1
    if mid == target:
        break
    elif mid < target:
        lo = mid + 1
    else:
        hi = mid - 1
print('binary search', mid, steps)
n = 1234
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits[::-1])
a, b = 48, 18
while b:
    a, b = b, a % b
print('gcd', a)
queue = [1]
seen = []
while queue:
    x = queue.pop(0)
    if x > 20:
        continue
    seen.append(x)
    queue.append(x * 2)
    queue.append(x * 3)
print(seen)
count = 0
while count < 1000:
    count += 1
    if count == 7:
        break
else:
    count = -1
print(count)
s = 'hello world'
j = len(s) - 1
while j >= 0 and s[j] != ' ':
    j -= 1
print(s[j + 1:])
