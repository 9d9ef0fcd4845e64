# machine.Timer: the stm32 port's software timers (id -1) on the 1 ms SysTick; callbacks are
# scheduled (soft) unless hard=True.
import machine, time, pyb

count = [0, 0, 0]
def periodic(t):
    count[0] += 1
def once(t):
    count[1] += 1
def hard(t):
    count[2] += 1

t0 = time.ticks_ms()
a = machine.Timer(-1, mode=machine.Timer.PERIODIC, period=10, callback=periodic)
b = machine.Timer(mode=machine.Timer.ONE_SHOT, period=250, callback=once)
c = machine.Timer(freq=50, callback=hard, hard=True)
print(a)
print(b)
pyb.delay(1000)
print("periodic 10 ms:", count[0], "one shot:", count[1], "50 Hz hard:", count[2])
a.deinit()
c.deinit()
pyb.delay(100)
print("after deinit:", count)
d = machine.Timer(-1)
d.init(period=2, tick_hz=100, callback=periodic)   # 2/100 s = 20 ms
count[0] = 0
pyb.delay(200)
print("20 ms period:", count[0])
d.deinit()
# a soft callback may allocate
seen = []
e = machine.Timer(period=5, mode=machine.Timer.ONE_SHOT, callback=lambda t: seen.append(t is e))
pyb.delay(10)
print(seen)
for f in (lambda: machine.Timer(0), lambda: machine.Timer(freq=0.0001), lambda: machine.Timer(period=5, callback=3)):
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)
