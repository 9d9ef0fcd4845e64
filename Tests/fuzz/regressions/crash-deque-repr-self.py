# A deque holding itself: its repr recursed on the host stack until SIGSEGV. It must end in
# RuntimeError (maximum recursion depth), as MicroPython's stack check does. Fuzz seed 71, input
# 407895 (and seed 11 in an earlier session).
import collections
r = collections.deque([1, 'a'])
r[0] = r
try:
    print(repr(r))
except RuntimeError as e:
    print('RuntimeError')
d = collections.OrderedDict()
d['k'] = d
try:
    print(repr(d))
except RuntimeError:
    print('RuntimeError')
