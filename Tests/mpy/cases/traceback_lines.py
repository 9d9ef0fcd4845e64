# an uncaught exception's traceback: file, line numbers from the .mpy line table, function names
# (one line per statement: MicroPython gives a call spanning lines the line of its last argument)
def level3(x):
    if x > 1:
        return x * 2
    raise ValueError("deep")

def level2(x):
    y = x + 1
    return level3(y - 1)

def level1():
    total = 0
    for i in range(2):
        total += level2(i)
    return total

try:
    level1()
except ValueError as e:
    print("caught", e)
lst = [1, 2]
print(lst[0])
level1()
