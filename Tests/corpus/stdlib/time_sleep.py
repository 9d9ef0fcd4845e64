# sleeping advances the clocks by about the requested time
import time

t0 = time.ticks_ms()
time.sleep_ms(30)
d = time.ticks_diff(time.ticks_ms(), t0)
print(d >= 29, d < 1000)

t0 = time.ticks_us()
time.sleep_us(5000)
d = time.ticks_diff(time.ticks_us(), t0)
print(d >= 4900, d < 1000000)

t0 = time.ticks_ms()
time.sleep(0.02)
d = time.ticks_diff(time.ticks_ms(), t0)
print(d >= 19, d < 1000)

time.sleep(0)
time.sleep_ms(0)
time.sleep_us(0)
time.sleep_ms(-5)

w0 = time.time()
time.sleep(0.01)
w1 = time.time()
print(type(w0).__name__, w1 >= w0, w0 > 1.5e9)
n = time.time_ns()
print(type(n).__name__, n > 1.5e18, abs(n / 1e9 - time.time()) < 5)
