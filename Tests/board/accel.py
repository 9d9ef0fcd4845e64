# board-args: --scenario accel_tilt.json
# pyb.Accel on the onboard MMA7660: power-up through MMA_AVDD, x/y/z/tilt/filtered_xyz, raw
# register access, and values changed from outside (the window's sliders post the same
# setSensor events as this test's scenario: accel.x/y/z in g at 300, 500 and 700 ms).
import pyb
from pyb import Pin, I2C

print(Pin('MMA_AVDD').value(), Pin('MMA_AVDD').mode() == Pin.OUT)  # off at boot
t = pyb.millis()
a = pyb.Accel()
print('start-up ms', pyb.elapsed_millis(t), Pin('MMA_AVDD').value(), a is pyb.Accel())
print(I2C(1))  # accel_start programs I2C1's registers, not pyb.I2C's HAL handle
print(a.x(), a.y(), a.z(), a.tilt())
print(a.filtered_xyz(), a.filtered_xyz(), a.filtered_xyz(), a.filtered_xyz(), a.filtered_xyz())
print(a.read(7), a.read(8))  # MODE active, SR 120 samples/s
pyb.delay(300 - pyb.millis())
print(a.x(), a.y(), a.z(), a.tilt())  # 0.5 g = 11 counts, -1 g = -21
print(a.filtered_xyz())
pyb.delay(500 - pyb.millis())
print(a.x(), a.y(), a.z(), hex(a.tilt()))  # 1.5 g saturates at 31; upside down
pyb.delay(700 - pyb.millis())
print(a.x(), hex(a.tilt()))
# Standby, then test mode: XOUT..ZOUT become writable.
a.write(7, 0)
a.write(7, 4)
a.write(0, 5)
a.write(1, 0x3F)
print(a.read(7), a.x(), a.y())
a.write(7, 0)
# AVDD off: the chip stops answering and reads give the register number back, as in accel.c.
Pin('MMA_AVDD').low()
print(a.x(), a.y(), a.z(), a.tilt(), a.read(7))
a = pyb.Accel()
print(a.x(), a.z())
try:
    pyb.Accel(1)
except TypeError as e:
    print('TypeError')
