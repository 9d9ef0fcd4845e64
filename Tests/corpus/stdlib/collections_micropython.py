# collections behaviour specific to MicroPython
from collections import OrderedDict, deque

# OrderedDict prints its contents as a dict (CPython 3.11 prints a list of pairs)
print(OrderedDict([("a", 1), ("b", 2)]))
print(OrderedDict())
# deque overflow checking (flags argument)
d = deque((), 2, 1)
d.append(1)
d.append(2)
try:
    d.append(3)
except IndexError as e:
    print("IndexError", e)
try:
    d.appendleft(0)
except IndexError as e:
    print("IndexError", e)
print(list(d))
# empty deque errors
try:
    deque((), 1).pop()
except IndexError as e:
    print("IndexError", e)
# negative maxlen
try:
    deque((), -1)
except ValueError:
    print("ValueError")
