# pyb.I2C on the emulated pyboard: construction, repr, controller transfers on the onboard
# MMA7660 (0x4C), HAL errors (EIO, EBUSY, ETIMEDOUT), argument errors, peripheral mode.
import pyb
from pyb import I2C, Pin

i2c = I2C(1)
print(i2c, i2c is I2C('X'), I2C(2))
try:
    i2c.scan()  # the zeroed HAL handle is not a controller yet
except TypeError as e:
    print('TypeError:', e)
try:
    i2c.send(b'x', 0x4C)  # not initialised: HAL_BUSY
except OSError as e:
    print('OSError:', e)

i2c.init(I2C.CONTROLLER)
print(i2c)
for baud in (100000, 50000, 30000, 200000, 400000, 1000000):
    print(I2C(1, I2C.CONTROLLER, baudrate=baud))
i2c.init(I2C.CONTROLLER, baudrate=100000)

# The firmware switches the accelerometer's AVDD (MMA_AVDD = PB5) off at boot.
print(Pin('MMA_AVDD').value(), i2c.scan(), i2c.is_ready(0x4C))
Pin('MMA_AVDD', Pin.OUT).high()
print(i2c.scan(), i2c.is_ready(0x4C), i2c.is_ready(0x4D))

# Registers: SR (8) and MODE (7) are writable in standby; send/recv use the register pointer.
i2c.mem_write(0x02, 0x4C, 8)
print(i2c.mem_read(1, 0x4C, 8), i2c.mem_read(2, 0x4C, 7))
buf = bytearray(2)
print(i2c.mem_read(buf, 0x4C, 7) is buf, buf)
i2c.send(bytes([8, 0x03]), 0x4C)
i2c.send(8, addr=0x4C)
print(i2c.recv(1, 0x4C), i2c.recv(bytearray(1), addr=0x4C))
i2c.mem_write(b'\x01', 0x4C, 7, timeout=100)  # active mode
pyb.delay(70)  # the first sample at 16 samples/s
print(i2c.mem_read(3, 0x4C, 0), i2c.mem_read(1, 0x14C, 3, addr_size=8))

# Bus time: a 7-byte register read at 100 kHz is 1+9+9+1+9+63+1 = 93 bit times.
t = pyb.micros()
i2c.mem_read(7, 0x4C, 0)
dt = pyb.elapsed_micros(t)
print('93 bits at 100 kHz:', 930 <= dt < 1100)

# Errors as the HAL raises them.
for f in (lambda: i2c.send(b'hello', 0x42), lambda: i2c.recv(2, 0x42), lambda: i2c.mem_read(2, 0x42, 0),
          lambda: i2c.send(b'x', 0x4C, timeout=0)):
    try:
        f()
    except OSError as e:
        print('OSError:', e)
t = pyb.millis()
try:
    i2c.send(bytes(200), 0x4C, timeout=5)  # 200 bytes at 100 kHz take 18 ms
except OSError as e:
    print('OSError:', e, 5 <= pyb.elapsed_millis(t) <= 60)
print(i2c.scan())  # the bus recovered
for f in (lambda: i2c.send(b'x'), lambda: i2c.recv(1), lambda: i2c.recv(b'ab', 0x4C), lambda: i2c.send(1.5, 0x4C),
          lambda: i2c.send(b'x', 0x4C, tmo=1), lambda: i2c.mem_read(1, 0x4C), lambda: I2C(3), lambda: I2C('Z'),
          lambda: I2C(1, I2C.CONTROLLER, 400000)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)

# Peripheral mode: configured and printed as on the board; nothing on the bus is a controller.
i2c.init(I2C.PERIPHERAL, addr=0x42)
print(i2c)
try:
    i2c.scan()
except TypeError as e:
    print('TypeError:', e)
t = pyb.millis()
try:
    i2c.recv(1, timeout=250)
except OSError as e:
    print('OSError:', e, pyb.elapsed_millis(t) >= 250)

i2c.deinit()
print(i2c)
try:
    i2c.send(b'x', 0x4C)
except OSError as e:
    print('OSError:', e)
i2c.init(I2C.MASTER, baudrate=400000)
print(i2c, I2C.MASTER, I2C.SLAVE, I2C.CONTROLLER, I2C.PERIPHERAL)
