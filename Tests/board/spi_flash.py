# board-args: --attach spiflash@spi1:X5,size=4M
# machine.SPI, pyb.SPI and SoftSPI on a W25Q32 SPI flash selected by Pin X5 (active low):
# JEDEC id, status, write enable, page program with its busy time, reads, reprs, errors.
import time
from machine import SPI, SoftSPI, Pin
import pyb

cs = Pin('X5', Pin.OUT, value=1)
spi = SPI(1, baudrate=10000000)
print(spi)
print(SPI('X') is spi, spi)  # construction always applies the defaults (500 kHz asked)
spi.init(baudrate=10000000)

def cmd(out, n=0, bus=spi):
    buf = bytearray(len(out) + n)
    cs.low()
    bus.write_readinto(bytes(out) + bytes(n), buf)
    cs.high()
    return bytes(buf[len(out):])

print(cmd([0x9F], 3).hex())
print(spi.read(3, 0x9F).hex())  # CS high: nothing drives MISO
print(cmd([0x05], 1), cmd([0x06]), cmd([0x05], 1))
cmd([0x06])
cs.low()
spi.write(b'\x02\x00\x01\x00' + b'microboard')
cs.high()
t = time.ticks_us()
n = 0
while cmd([0x05], 1)[0] & 1:
    n += 1
print('busy polls', n > 0, 'program time us', time.ticks_diff(time.ticks_us(), t) > 100)
print(cmd([0x03, 0, 1, 0], 10))
cs.low()
spi.write(b'\x03\x00\x01\x05')
print(spi.read(5), spi.read(2, 0xFF))
buf = bytearray(3)
spi.readinto(buf)
cs.high()
print(buf)

# Bus time: 1000 bytes at 84 MHz / 16 = 5.25 MHz take 1.52 ms.
t = time.ticks_us()
cs.low()
spi.write(bytes(1000))
cs.high()
print('1000 bytes:', 1500 <= time.ticks_diff(time.ticks_us(), t) < 1700)

# LSB first: the flash sees 0x9F only if the program sends its mirror image 0xF9.
spi.init(firstbit=SPI.LSB)
print(spi, cmd([0xF9], 3).hex())
spi.init(firstbit=SPI.MSB, baudrate=100000)
print(spi, SPI.MSB, SPI.LSB)

# pyb.SPI on the same unit.
p = pyb.SPI(1)
print(p, p is pyb.SPI('X'))
p.init(pyb.SPI.CONTROLLER, baudrate=600000, polarity=0, phase=0)
print(p, spi)
cs.low()
p.send(0x9F)
print(p.recv(3))
cs.high()
cs.low()
print(p.send_recv(b'\x9f\x00\x00\x00'))
cs.high()
b = bytearray(b'\x9f\x00\x00\x00')
cs.low()
print(p.send_recv(b, b) is b, b)
cs.high()
cs.low()
r = bytearray(4)
p.send_recv(b'\x9f\x00\x00\x00', r)
cs.high()
print(r, p.read(1), p.send(b'\x00', timeout=10))
p.init(pyb.SPI.CONTROLLER, prescaler=3, bits=16, crc=0x7)
print(p)
p.init(pyb.SPI.CONTROLLER, 328125)
cs.low()
p.send(b'\x9f')
print(p.recv(3).hex())
cs.high()
# With CRC on, the unit sends a CRC frame and checks the one it receives: the flash sends none.
p.init(pyb.SPI.CONTROLLER, crc=0x7)
cs.low()
try:
    p.send_recv(b'\x9f\x00\x00\x00')
except OSError as e:
    print('crc:', e)
cs.high()
for f in (lambda: pyb.SPI(2).send(b'x'), lambda: p.recv(b'ab'), lambda: p.send_recv(b'ab', bytearray(3)),
          lambda: p.send(1.5), lambda: p.send(b'abc', timeout=0), lambda: p.init(pyb.SPI.CONTROLLER, nss=0),
          lambda: pyb.SPI(3), lambda: SPI(0), lambda: SPI('Z'), lambda: SPI(1, sck=Pin('X6')),
          lambda: pyb.SPI(1, pyb.SPI.CONTROLLER, 1000, 1), lambda: SoftSPI(sck='X6', mosi='X8')):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
p.init(pyb.SPI.PERIPHERAL)
print(p)
t = time.ticks_ms()
try:
    p.send(b'x', timeout=100)
except OSError as e:
    print('peripheral:', e, time.ticks_diff(time.ticks_ms(), t) >= 100)
p.deinit()
print(p, spi)
try:
    spi.write(b'x')
except OSError as e:
    print('OSError:', e)

# SoftSPI on SPI1's pins reaches the flash; on other pins nothing answers.
s = SoftSPI(baudrate=100000, sck=Pin('X6'), mosi=Pin('X8'), miso=Pin('X7'))
print(s, cmd([0x9F], 3, s).hex())
s.init(baudrate=300000, polarity=1, phase=1, firstbit=SoftSPI.LSB)
print(s, cmd([0xF9], 3, s).hex())
s2 = SoftSPI(sck='Y1', mosi='Y2', miso='Y3')
print(cmd([0x9F], 3, s2).hex())
try:
    SoftSPI(sck='X6', mosi='X8', miso='X7', bits=16)
except ValueError as e:
    print('ValueError:', e)
