# machine.Signal (docs: value()/on()/off()/call, invert=True makes active-low) and
# machine.bitstream (encoding 0: each bit MSB first as high then low for (high0, low0, high1, low1) ns).
import machine, time
from machine import Pin, Signal

p = Pin('X1', Pin.OUT)
s = Signal(p)
s.on(); print(p.value(), s.value(), s())
s.off(); print(p.value(), s.value())
inv = Signal(p, invert=True)
inv.on(); print('inverted on ->', p.value(), inv.value())
inv.value(0); print('inverted off ->', p.value(), inv.value())
inv(1); print('call ->', p.value())
# pin arguments build the Pin
s2 = Signal('X2', Pin.OUT, invert=True)
s2.off(); print('X2', Pin('X2').value())
# any object with value() works (the pin protocol)
class Fake:
    v = 0
    def value(self, *a):
        if a:
            self.v = a[0]
        return self.v
f = Fake()
Signal(f, invert=True).off()
print('fake', f.v)

# WS2812 timing: 1.25 us a bit; 24 bits a pixel, 10 pixels = 300 us
led = Pin('X3', Pin.OUT)
buf = bytearray(30)
t0 = time.ticks_us()
machine.bitstream(led, 0, (400, 850, 800, 450), buf)
# (plus the interpreter time of the calls around it: under 60 us)
print('us', 0 <= time.ticks_diff(time.ticks_us(), t0) - 300 < 60, 'level', led.value())
t0 = time.ticks_us()
machine.bitstream(led, 0, (1000, 9000, 6000, 4000), b'\xf0')
# 4 one bits of 10 us and 4 zero bits of 10 us: 80 us
print('us', 0 <= time.ticks_diff(time.ticks_us(), t0) - 80 < 60)
for args in ((led, 1, (1, 2, 3, 4), b'x'), (led, 0, (1, 2, 3), b'x')):
    try:
        machine.bitstream(*args)
    except ValueError:
        print('ValueError')
