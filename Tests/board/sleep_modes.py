# board-args: --press USR:500:10
# pyb.wfi returns at the next SysTick (1 ms); pyb.stop / machine.lightsleep sleep until an
# interrupt (here the USR press at 500 ms) or their timeout.
import pyb, machine, time

t = pyb.millis()
pyb.wfi()
print("wfi", pyb.elapsed_millis(t))
t = time.ticks_ms()
machine.lightsleep(30)
print("lightsleep", time.ticks_diff(time.ticks_ms(), t))
machine.idle()
n = [0]
def cb():
    n[0] += 1
pyb.Switch().callback(cb)
pyb.stop()
print("woken by USR at", pyb.millis(), n[0])
print(machine.reset_cause() == machine.PWRON_RESET)
print(machine.freq() == pyb.freq(), len(machine.unique_id()), machine.unique_id() == pyb.unique_id())
pyb.freq(84000000)
print(pyb.freq())
t = time.ticks_us()
for i in range(1000):
    pass
slow = time.ticks_diff(time.ticks_us(), t)
pyb.freq(168000000)
t = time.ticks_us()
for i in range(1000):
    pass
fast = time.ticks_diff(time.ticks_us(), t)
print("84 MHz is slower:", slow > 1.9 * fast)
try:
    pyb.freq(100000000)
except ValueError:
    print("ValueError")
try:
    pyb.bootloader()
except NotImplementedError:
    print("NotImplementedError")
