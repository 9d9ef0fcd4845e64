# ticks arithmetic wraps modulo 2**30 (TICKS_PERIOD) as in MicroPython
import time

P = 1 << 30
print(time.ticks_add(0, 1), time.ticks_add(0, -1), time.ticks_add(P - 1, 1), time.ticks_add(P - 1, 2))
print(time.ticks_add(100, -200), time.ticks_add(5, P // 2 - 1))
print(time.ticks_diff(5, 3), time.ticks_diff(3, 5))
print(time.ticks_diff(0, P - 1), time.ticks_diff(P - 1, 0))
print(time.ticks_diff(P // 2, 0), time.ticks_diff(P // 2 - 1, 0), time.ticks_diff(0, P // 2))
print(time.ticks_diff(time.ticks_add(123, 1000), 123), time.ticks_diff(123, time.ticks_add(123, 1000)))
for delta in (P // 2 - 1, -(P // 2 - 1), 12345, -12345, 0):
    t = time.ticks_add(P - 10, delta)
    print(delta, 0 <= t < P, time.ticks_diff(t, P - 10) == delta)
for bad in (P // 2, -(P // 2), P, -P):
    try:
        time.ticks_add(0, bad)
    except OverflowError:
        print("OverflowError")

# the counters are in range and move forward
for f in (time.ticks_ms, time.ticks_us, time.ticks_cpu):
    a = f()
    b = f()
    print(0 <= a < P, 0 <= b < P, time.ticks_diff(b, a) >= 0)
