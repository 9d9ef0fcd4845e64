# board-args: --uart 1:loopback --uart 6:uart:3
# UART bytes move at the baud rate on the virtual clock: 1 KB at 115200 baud takes ~89 ms;
# UART(1) is looped back (TX to RX), UART(6) and UART(3) are wired to each other.
import pyb, machine, time

print(machine.UART is pyb.UART)
u = pyb.UART(1, 115200)
print(u)
t0 = time.ticks_us()
n = u.write(bytes(1024))
t1 = time.ticks_us()
print("write returned", n, "after", time.ticks_diff(t1, t0) // 1000, "ms; txdone:", u.txdone())
u.flush()
t2 = time.ticks_us()
# 1024 x 10 bits at 115226 baud = 88.87 ms, plus the interpreter time of the calls
print("1 KB on the wire in", (time.ticks_diff(t2, t0) + 50) // 100 / 10, "ms; txdone:", u.txdone())
# the loopback kept 64 bytes in the ring buffer and one in the data register: the rest overran
print("any:", u.any(), "read:", len(u.read()))

# overrun with a small receive buffer
u.init(115200, rxbuf=16)
u.write(bytes(range(40)))
u.flush()
print("rxbuf 16 -> any:", u.any(), u.read())

# reading what arrives while we wait: read(n), readline, readinto, readchar
u.init(9600, timeout=100)
print(u)
u.write(b"line one\nline two\n")
print(u.readline())
print(u.read(4))
buf = bytearray(8)
print(u.readinto(buf), buf)
print(u.read())
t0 = time.ticks_ms()
print(u.read(1), u.readchar(), "waited", time.ticks_diff(time.ticks_ms(), t0), "ms")
u.writechar(65)
print(u.readchar())
u.sendbreak()
pyb.delay(5)
print("break:", u.read())

# irq: RX per received character batch, RXIDLE once the line goes quiet
events = []
def on_rx(uart):
    events.append((uart.irq().flags(), uart.any()))
u.init(115200, timeout=0)
irq = u.irq(on_rx, pyb.UART.IRQ_RXIDLE)
print(u, irq.trigger())
u.write(b"0123456789")
pyb.delay(5)
print(events, u.read())

# wired UARTs
a = pyb.UART(6, 57600)
b = machine.UART(3, 57600, timeout=20)
a.write(b"over the wire")
print(b.read())
b.write(b"and back")
print(a.read(), a.any())
b.init(9600)
a.write(b"mismatch")
pyb.delay(20)
print("mismatched baud rates:", b.any())
a.deinit()
print(a)

# bad input
for f in (lambda: pyb.UART(5), lambda: pyb.UART(0), lambda: pyb.UART("ZZ"), lambda: pyb.UART(1, 9600, bits=7),
          lambda: pyb.UART(1, 9600, bits=9, parity=0), lambda: pyb.UART(2, 300),
          lambda: pyb.UART(1, 9600, bogus=1), lambda: u.write(123), lambda: u.readinto(b"ro"),
          lambda: u.irq(on_rx, 1), lambda: u.irq(5), lambda: pyb.UART()):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(pyb.UART("XB") is u, pyb.UART("YA"))
