# pyb.CAN on the emulated bxCAN controllers: construction and bad ids, LOOPBACK send/recv, frame
# timing on the virtual clock (a frame takes its stuffed bit count at the bit rate), the filter
# banks (LIST16/MASK16/LIST32/MASK32, FIFO choice, filter match index), extended ids and remote
# frames, the 3-deep FIFOs with rxcallback reasons 0/1/2 and the overwritten newest message,
# recv into a caller's list, CAN1 and CAN2 talking on the shared bus in NORMAL mode, a lone node
# that nobody acknowledges (TEC rises, error passive, send times out), bus-off from a node at
# another bit rate, restart(), deinit(), and the errors of bad arguments.
import pyb, time
from pyb import CAN

# bus ids and names
for bus in (-1, 0, 1, 2, 3, "YA", "YB", "YC"):
    try:
        CAN(bus, CAN.LOOPBACK)
        print("CAN", bus, "ok")
    except ValueError as e:
        print("ValueError:", e)
try:
    CAN(1.5)
except TypeError as e:
    print("TypeError:", e)
CAN(2).deinit()
CAN(1).deinit()
can = CAN(1)
print(can, can.state() == CAN.STOPPED)
try:
    can.restart()
except ValueError:
    print("restart needs an initialised controller")
print(CAN.NORMAL, CAN.LOOPBACK, CAN.SILENT, CAN.SILENT_LOOPBACK)
print(CAN.MASK16, CAN.LIST16, CAN.MASK32, CAN.LIST32)
print(CAN.STOPPED, CAN.ERROR_ACTIVE, CAN.ERROR_WARNING, CAN.ERROR_PASSIVE, CAN.BUS_OFF)

# LOOPBACK at the default timing: 42 MHz / 100 / (1 + 6 + 8) = 28000 bit/s
can.init(CAN.LOOPBACK)
print(can, can.state() == CAN.ERROR_ACTIVE, can.info())
can.setfilter(0, CAN.MASK16, 0, (0, 0, 0, 0))   # accept everything into FIFO 0


def bits(t0, t1, rate=28000):
    return (time.ticks_diff(t1, t0) * rate + 500000) // 1000000


t0 = time.ticks_us()
can.send("abcd", 123, timeout=5000)   # waits for the frame: 78 bits with its stuff bits
t1 = time.ticks_us()
# (the calls around it add a bit time or two of interpreter time)
print("send waited 78 bit times:", 78 <= bits(t0, t1) <= 80, "any", can.any(0), can.info())
print(can.recv(0))
pyb.delay(1)     # after a frame the bus needs 3 bits of intermission before the next one
t0 = time.ticks_us()
can.send(b"\x11\x22\x33", 0x123)      # timeout=0: queued, returns at once
t1 = time.ticks_us()
print("queued at once:", bits(t0, t1) <= 1, "pending", can.info()[5], "any", can.any(0))
while not can.any(0):
    pass
print("arrived after 69 bit times:", 69 <= bits(t0, time.ticks_us()) <= 71)
print(can.recv(0))
can.send("", 0x7FF, timeout=100)      # empty frame: 47 bits
can.send(7, -1, timeout=100)          # an int is one byte; the id is masked to 11 bits
can.send("abcd", 0x800, timeout=100)
print(can.recv(0), can.recv(0), can.recv(0))

# three mailboxes: a fourth request while they are all busy is EBUSY
try:
    for i in range(4):
        can.send("x", i)
        print("queued", i)
except OSError as e:
    print("OSError", e.errno)
pyb.delay(20)
print([can.recv(0)[0] for i in range(3)], can.any(0))

# recv into a list and memoryview, without allocating
buf = bytearray(8)
lst = [0, 0, 0, 0, memoryview(buf)]
can.send("12345678", 42, timeout=100)
print(can.recv(0, lst) is lst, lst, len(lst[4]), buf)
can.send("ab", 43, timeout=100)
can.recv(0, lst)
print(lst[0], bytes(lst[4]), buf)
for bad in (1, [0, 0, 0], [0, 0, 0, 0, bytearray(8)], [0, 0, 0, 0, memoryview(b"12345678")]):
    can.send("z", 1, timeout=100)
    try:
        can.recv(0, bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "and the message is gone:", can.any(0))

# recv timeout: the HAL tick count must advance by `timeout`
t0 = time.ticks_ms()
try:
    can.recv(0, timeout=30)
except OSError as e:
    print("recv", e, "after", time.ticks_diff(time.ticks_ms(), t0), "ms")

# filters: bank 0 LIST16 on FIFO 0, bank 1 MASK16 on FIFO 1, bank 2 LIST32 (extended ids)
can.init(CAN.LOOPBACK)
can.setfilter(0, CAN.LIST16, 0, (1, 2, 3, 4))
can.setfilter(1, CAN.MASK16, 1, (0x100, 0x700, 0x010, 0x7F0))
can.setfilter(2, CAN.LIST32, 0, (0x12345, 0x1ABCDEF))
for ident in (3, 5, 0x1AA, 0x01C, 0x2AA):
    can.send("f", ident, timeout=100)
can.send("e1", 0x12345, extframe=True, timeout=100)
can.send("e2", 0x12346, extframe=True, timeout=100)
can.send("ext!", 0x1ABCDEF, extframe=True, timeout=100)
print("fifo0:", [can.recv(0) for i in range(3)], can.any(0))
print("fifo1:", [can.recv(1) for i in range(2)], can.any(1))
pyb.delay(1)
t0 = time.ticks_us()
can.send("ext!", 0x1ABCDEF, extframe=True, timeout=100)   # 98 bits
print("extended frame 98 bit times:", 98 <= bits(t0, time.ticks_us()) <= 100, can.recv(0))
can.clearfilter(0)
can.send("f", 3, timeout=100)
print("bank 0 cleared:", can.any(0))

# remote frames: the DLC travels, no data (46 bits for a DLC of 8)
can.setfilter(3, CAN.LIST16, 0, (0x55, 0x56, 0x57, 0x58), rtr=(True, False, True, False))
can.setfilter(4, CAN.MASK32, 1, (0, 0))
pyb.delay(1)
t0 = time.ticks_us()
can.send("12345678", 0x55, rtr=True, timeout=100)
r = can.recv(0)
print("remote frame 46 bit times:", 46 <= bits(t0, time.ticks_us()) <= 48, r[:4], "DLC", len(r[4]))
can.send("", 0x56, rtr=True, timeout=100)
print("0x56 rtr rejected:", can.any(0), can.any(1))
can.send("abc", 0x5ABCD, extframe=True, rtr=True, timeout=100)
r = can.recv(1)
print(r[:4], "DLC", len(r[4]))


# FIFO overflow: reasons 0 (pending), 1 (full), 2 (overflow); the fourth overwrites the third.
# The callback is a hard interrupt: it must not allocate, so it fills a list made beforehand.
reasons = [None] * 8
count = [0]


def cb(bus, reason):
    reasons[count[0]] = reason
    count[0] += 1


can.init(CAN.LOOPBACK)
can.setfilter(0, CAN.MASK16, 0, (0, 0, 0, 0))
can.rxcallback(0, cb)
for i in range(5):
    can.send(b"%d" % i, 0x10 + i, timeout=100)
    print("sent", i, "reasons", reasons[:count[0]], "pending", can.info()[6])
# the first recv re-enables the overflow interrupt, whose flag the fifth frame set again
print([can.recv(0)[4] for i in range(3)], can.any(0))
can.send("again", 0x30, timeout=100)
print("reasons", reasons[:count[0]])
can.rxcallback(0, None)
can.send("quiet", 0x31, timeout=100)
print("reasons", reasons[:count[0]], can.recv(0)[4], can.recv(0)[4])

# CAN1 and CAN2 on the shared bus at 500 kbit/s (2 us per bit)
c1 = CAN(1, CAN.NORMAL, baudrate=500_000)
c2 = CAN(2, CAN.NORMAL, baudrate=500_000)
c1.setfilter(0, CAN.MASK16, 0, (0, 0, 0, 0))
c2.setfilter(0, CAN.MASK16, 1, (0, 0, 0, 0))
print(c1, c2)
c1.send(b"\x00" * 8, 0x100, timeout=10)     # acknowledged by CAN2
print("CAN1 -> CAN2:", c2.recv(1, timeout=0))
c2.send("ping", 0x100, timeout=10)
print("CAN2 -> CAN1:", c1.recv(0, timeout=0), "own frames heard:", c1.any(0), c2.any(1))
# while CAN1's first frame is on the bus, 0x300 (CAN1) and 0x250 (CAN2) wait: the lower id wins
c1.send("first", 0x400)
c1.send("c1", 0x300)
c2.send("c2", 0x250)
pyb.delay(2)
print("CAN2 got", c2.recv(1, timeout=0)[0], c2.recv(1, timeout=0)[0], "CAN1 got", c1.recv(0, timeout=0)[0])
print(c1.info(), c2.info())

# a lone NORMAL node: nobody acknowledges; TEC += 8 per attempt up to error passive (128),
# where unacknowledged frames no longer count; the send times out after 50 + 1 HAL ticks
c2.deinit()
print("CAN2", c2, c2.state())
t0 = time.ticks_ms()
try:
    c1.send("1", 1, timeout=50)
except OSError as e:
    print("lone node:", repr(e), "after", time.ticks_diff(time.ticks_ms(), t0), "ms")
print(c1.state() == CAN.ERROR_PASSIVE, c1.info())

# CAN2 at 250 kbit/s destroys CAN1's frames with error flags: TEC += 8 each time, even when
# error passive, until bus-off (after 32 attempts, each one REC += 1 at CAN2)
c1.init(CAN.NORMAL, baudrate=500_000)
c2.init(CAN.NORMAL, baudrate=250_000)
c1.send("x", 1)
pyb.delay(10)
print("CAN1 state", c1.state(), "CAN2 state", c2.state(), "CAN2 REC", c2.info()[1], "CAN1 bus-off count", c1.info()[4])
c2.deinit()
c1.restart()                       # leaving bus-off takes 128 x 11 recessive bits (2816 us)
print("just after restart:", c1.state(), "pending", c1.info()[5])
pyb.delay(3)
# error active again with TEC 0, and the frame still pending is retried: alone on the bus, its
# first attempt (48 bits to the ACK slot + 14 of error frame) ends 124 us later: TEC 8, and 8
# more for each further attempt in the time the print above took
tec, rec = c1.info()[:2]
print("3 ms later:", c1.state(), tec in (8, 16, 24), rec)
c1.init(CAN.NORMAL, baudrate=500_000, auto_restart=True)
print(c1)

# SILENT listens without acknowledging or sending; a LOOPBACK node acknowledges itself
c1.init(CAN.LOOPBACK, baudrate=500_000)
c2.init(CAN.SILENT, baudrate=500_000)
c2.setfilter(0, CAN.MASK16, 0, (0, 0, 0, 0))
c1.send("hello", 0x42, timeout=10)
print(c2, "heard", c2.recv(0, timeout=0))
try:
    c2.send("no", 1, timeout=5)
except OSError as e:
    print("a silent node cannot transmit:", e)

# bad arguments
for args in ((0, 7, 0, (1, 2, 3, 4)), (0, CAN.LIST16, 0, (1, 2, 3)), (0, CAN.MASK32, 0, (1, 2, 3)),
             (14, CAN.LIST16, 0, (1, 2, 3, 4)), (0, CAN.LIST16, 0, (1, 2, 3, 4), (True,))):
    try:
        if len(args) == 5:
            c1.setfilter(*args[:4], rtr=args[4])
        else:
            c1.setfilter(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    c1.setfilter(0, CAN.LIST16, 0, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    c1.send("123456789", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    c1.send(1.5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    c1.recv(2)
except TypeError:
    print("TypeError: fifo 2")
try:
    c1.init(CAN.NORMAL, baudrate=123)
except ValueError as e:
    print("ValueError:", e)
try:
    c1.send("a", 1, 5)
except TypeError as e:
    print("TypeError:", e)
c1.deinit()
print(c1, c1.state(), c1.any(0))
try:
    c1.send("a", 1)
except OSError as e:
    print("deinit, send:", e)
