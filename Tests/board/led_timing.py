# LED(2) toggled every 250 ms with pyb.delay: on the deterministic clock each toggle happens at an
# exact virtual time (the loop body costs microseconds, well under 1 ms).
import pyb, time

led = pyb.LED(2)
led.off()
t0 = time.ticks_us()
for i in range(6):
    led.toggle()
    print(i, led.intensity(), time.ticks_diff(time.ticks_us(), t0) // 1000)
    pyb.delay(250)
print("elapsed", pyb.elapsed_millis(0) >= 1500)
start = pyb.millis()
time.sleep_ms(40)
time.sleep_us(10000)
time.sleep(0.05)
print(pyb.elapsed_millis(start))
