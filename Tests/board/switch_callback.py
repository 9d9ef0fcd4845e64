# board-args: --press USR:100:50 --press USR:300:20
# The USR switch (PB3, active low with pull-up): presses at 100 ms and 300 ms of virtual time
# fire the callback (a hard handler, so it only updates preallocated state).
import pyb

sw = pyb.Switch()
print(sw, sw.value(), sw())
times = [0, 0]
count = [0]
def pressed():
    times[count[0] % 2] = pyb.millis()
    count[0] += 1

sw.callback(pressed)
pyb.delay(120)
print("at 120 ms:", count[0], times[0], sw.value(), pyb.Pin("SW").value())
pyb.delay(100)
print("at 220 ms:", count[0], sw.value())
pyb.delay(100)
print("at 320 ms:", count[0], times[1])
sw.callback(None)
pyb.delay(100)
print(pyb.Switch() is sw)
