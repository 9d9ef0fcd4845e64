# board-args: --attach 24lc256@i2c1 --attach 24lc256@i2c2:0x51,wp=1
# machine.I2C (the stm32 hardware unit) and machine.SoftI2C on attached 24LC256 EEPROMs:
# scan, memory reads/writes with 16-bit addresses, the 5 ms write cycle (the chip does not
# acknowledge its address until it is done), NACK errors, reprs and argument errors.
import time
from machine import I2C, SoftI2C, Pin

i2c = I2C(1)
print(i2c, I2C('X') is i2c, I2C(2, freq=100000))
print(i2c.scan(), I2C(2).scan())  # the accelerometer is switched off at boot

i2c.writeto_mem(0x50, 0x0102, b'hello', addrsize=16)
t = time.ticks_us()
polls = 0
while True:
    try:
        i2c.writeto(0x50, b'')
        break
    except OSError as e:
        polls += 1
        err = e
busy = time.ticks_diff(time.ticks_us(), t)
print('write cycle:', err, polls > 10, 5000 <= busy <= 5300)
print(i2c.readfrom_mem(0x50, 0x0102, 5, addrsize=16))
buf = bytearray(3)
i2c.readfrom_mem_into(0x50, 0x0103, buf, addrsize=16)
print(buf)
# Page write: 64-byte pages wrap inside the page.
i2c.writeto_mem(0x50, 0x003E, b'ABCD', addrsize=16)
time.sleep_ms(5)
print(i2c.readfrom_mem(0x50, 0x003E, 2, addrsize=16), i2c.readfrom_mem(0x50, 0x0000, 2, addrsize=16))
# Current-address read after a pointer write without STOP.
print(i2c.writeto(0x50, bytearray([0x01, 0x02]), False), i2c.readfrom(0x50, 3))
print(i2c.writevto(0x50, [b'\x01', b'\x05']), i2c.readfrom(0x50, 1))

# Write-protected EEPROM on I2C2: data is acknowledged but not stored, no write cycle.
e2 = I2C(2)
e2.writeto_mem(0x51, 0x10, b'xyz', addrsize=16)
print(e2.readfrom_mem(0x51, 0x10, 3, addrsize=16))

# NACK and driver errors.
for f in (lambda: i2c.writeto(0x42, b'x'), lambda: i2c.readfrom(0x42, 1), lambda: i2c.readfrom_mem(0x42, 0, 1),
          lambda: i2c.readfrom(0x50, 1, False), lambda: i2c.readfrom(0x50, 0), lambda: i2c.start(),
          lambda: I2C(3), lambda: I2C('Z'), lambda: I2C(1, scl=Pin('X9')), lambda: I2C(), lambda: i2c.readfrom(0x50, 1, stop=True)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)

# Bus time: 1 + 9 + 9*10 + 1 bit times for a 10-byte write, at 336 kHz (400 kHz asked) and 100 kHz;
# the two calls around it add interpreter time (tens of microseconds, as on the board).
for f, real in ((400000, 336000), (100000, 100000)):
    b = I2C(1, freq=f)
    t = time.ticks_us()
    b.writeto(0x50, bytes(10), False)
    dt = time.ticks_diff(time.ticks_us(), t)
    print(b, 0 <= dt - 101e6 / real < 80)
    b.writeto(0x50, b'')

# SoftI2C: on the hardware bus's pins it reaches the same chips; elsewhere, nothing.
s = SoftI2C(scl=Pin('X9'), sda=Pin('X10'), freq=100000)
print(s, s.scan(), s.readfrom_mem(0x50, 0x0102, 5, addrsize=16))
s.start()
print(s.write(bytes([0x50 << 1, 0x01, 0x03])))
s.start()
s.write(bytes([0x50 << 1 | 1]))
b = bytearray(2)
s.readinto(b)
s.stop()
print(b)
s.init('Y3', 'Y4', freq=50000)
print(s, s.scan(), SoftI2C('Y9', 'Y10').scan())
try:
    SoftI2C(scl='X99', sda='X10')
except ValueError as e:
    print('ValueError:', e)
i2c.deinit()
try:
    i2c.scan() if False else i2c.writeto(0x50, b'')
except OSError as e:
    print('after deinit:', e)
print(I2C(1).scan())
