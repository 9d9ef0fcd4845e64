# machine.WDT resets the board when not fed within its timeout (a --run ends at that reset).
import machine, pyb

wdt = machine.WDT(timeout=100)
for i in range(5):
    pyb.delay(80)
    wdt.feed()
print("fed for", pyb.millis(), "ms")
pyb.delay(90)
print("still alive at", pyb.millis())
pyb.delay(20)
print("not reached: the watchdog fired at", pyb.millis())
