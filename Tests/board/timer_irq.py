# pyb.Timer on the virtual clock: a 1 kHz callback fires exactly 1000 times in one second,
# the port's prescaler/period arithmetic, counters, channel compare callbacks, and errors.
import pyb, time, micropython

n = 0
def tick(t):
    global n
    n += 1

tim = pyb.Timer(4, freq=1000, callback=tick)
print(tim)
t0 = time.ticks_us()
pyb.delay(1000)
print("callbacks in 1 s:", n, "elapsed ms:", time.ticks_diff(time.ticks_us(), t0) // 1000)
# busy code is interrupted at the same rate
n = 0
t0 = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t0) < 500:
    pass
# (499 or 500: the loop stops on the millisecond the 500th callback comes in)
print("callbacks in 500 ms busy:", n in (499, 500))
tim.callback(None)
print(tim.freq(), tim.prescaler(), tim.period(), tim.source_freq())
print(pyb.Timer(4) is tim)

# 32-bit timers, float and fractional frequencies, prescaler/period directly
t2 = pyb.Timer(2, freq=3)
print(t2, t2.freq())
t5 = pyb.Timer(5, prescaler=83, period=999)
print(t5.freq(), t5.source_freq())
t1 = pyb.Timer(1, freq=0.5)
print(t1, t1.freq())
t8 = pyb.Timer(8, period=250, tick_hz=1000, deadtime=200)
print(t8)
t4 = pyb.Timer(4, prescaler=8399, period=9999)  # 10 kHz ticks, 1 s period
pyb.delay(250)
c = t4.counter()
print("counter after 250 ms:", c)
t4.counter(100)
print(t4.counter())
t4.period(4999)
print(t4.freq())

# channel compare callbacks (OC_TIMING) get the Timer object; a hard handler must not allocate
hits = [0, None]
def match(t):
    hits[0] += 1
    hits[1] = t
t3 = pyb.Timer(3, freq=100)
ch = t3.channel(2, pyb.Timer.OC_TIMING, compare=100, callback=match)
pyb.delay(100)
# 10 or 11 matches in 100 ms at 100 Hz, by where in its period the counter starts
print(ch, hits[0] in (10, 11), hits[1] is t3, ch.compare())
ch.callback(None)
t3.deinit()
print(t3, t3.channel(2))

# a hard handler: the heap is locked, an exception disables the callback
n = 0
def bad(t):
    global n
    n += 1
    x = [1, 2, 3]
t7 = pyb.Timer(7, freq=10, callback=bad)
pyb.delay(250)
print("after bad callback")
print("callback disabled:", n)
t7.deinit()

# bad input
for args, kw in (((0,), {}), ((15,), {}), ((4,), {}), ((4,), {"freq": 0}), ((4,), {"freq": -1.5}),
                 ((4,), {"freq": 100, "mode": 7}), ((4,), {"freq": 100, "callback": 5}), ((4, 100), {})):
    try:
        t = pyb.Timer(*args)
        t.init(**kw) if args == (4,) else None
        print("no error", args, kw)
    except Exception as e:
        print(type(e).__name__, e)
t = pyb.Timer(4, freq=100)
for f in (lambda: t.channel(0, pyb.Timer.PWM), lambda: t.channel(5, pyb.Timer.PWM),
          lambda: t.channel(1, pyb.Timer.IC), lambda: t.channel(1, pyb.Timer.ENC_AB),
          lambda: t.channel(1, 99), lambda: t.channel(1, pyb.Timer.PWM, pin=pyb.Pin('X1')),
          lambda: t.channel(1, pyb.Timer.PWM, pin='X1'),
          lambda: t.channel(1, pyb.Timer.OC_TOGGLE, polarity=5),
          lambda: pyb.Timer(6, freq=10).channel(1, pyb.Timer.ENC_A),
          lambda: t.callback(1), lambda: t.channel(1, pyb.Timer.PWM, bogus=1)):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
t.deinit()
