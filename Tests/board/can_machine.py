# machine.CAN (MicroPython 1.28) on the emulated bxCAN controllers: constants, bad arguments,
# bit timings as calculate_brp picks them at 42 MHz, LOOPBACK send/recv with set_filters, the
# three-buffer transmit queue sent by identifier priority, frame timing on the virtual clock,
# irq() with IRQ_RX/IRQ_TX/IRQ_STATE flags, CAN1 and CAN2 on the shared bus (extended ids, remote
# frames, FIFO overrun errors, filters alternating between the two FIFOs), a lone node going
# error passive, bus-off from a node at another bit rate, restart(), deinit().
import time
from machine import CAN

print(CAN.MODE_NORMAL, CAN.MODE_SLEEP, CAN.MODE_LOOPBACK, CAN.MODE_SILENT, CAN.MODE_SILENT_LOOPBACK)
print(CAN.STATE_STOPPED, CAN.STATE_ACTIVE, CAN.STATE_WARNING, CAN.STATE_PASSIVE, CAN.STATE_BUS_OFF)
print(CAN.FLAG_RTR, CAN.FLAG_EXT_ID, CAN.FLAG_UNORDERED, CAN.RECV_ERR_FULL, CAN.RECV_ERR_OVERRUN)
print(CAN.IRQ_RX, CAN.IRQ_TX, CAN.IRQ_STATE, CAN.IRQ_TX_FAILED, CAN.IRQ_TX_IDX_SHIFT, CAN.IRQ_TX_IDX_MASK)
print(CAN.TX_QUEUE_LEN, CAN.FILTERS_MAX)

# bad ids and init arguments
for args, kw in (((0, 500_000), {}), ((3, 500_000), {}), (("YC", 500_000), {}), ((1,), {}),
                 ((1, 500_000), {"mode": 5}), ((1, 500_000), {"sjw": 5}), ((1, 500_000), {"tseg1": 17}),
                 ((1, 500_000), {"tseg2": 3}), ((1, 500_000), {"tseg1": 5}), ((1, 500_000), {"sample_point": 100}),
                 ((1, 0), {}), ((1, -1), {}), ((1, "fast"), {})):
    try:
        CAN(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ":", e)

# timings: the prescaler from 1024 down giving the exact bit rate, then the sample point nearest
for bitrate in (125_000, 250_000, 500_000, 1_000_000):
    can = CAN(1, bitrate)
    print(can, can.get_timings())
for sp in (66, 95):
    print("sample point", sp, CAN(1, 500_000, sample_point=sp).get_timings()[:4])
for t1, t2 in ((5, 2), (16, 8), (16, 5)):
    print("tseg", t1, t2, CAN(1, 250_000, tseg1=t1, tseg2=t2).get_timings()[:4])

# LOOPBACK: nothing is received before set_filters
can = CAN("YA", 500_000, mode=CAN.MODE_LOOPBACK)
print(can.state(), can.send(0x123, b"lost"))
time.sleep_ms(1)
print("no filters:", can.recv())
can.set_filters([(0x120, 0x7F0, 0), (0x1234567, 0x1FFFFFFF, CAN.FLAG_EXT_ID)])
print(can.send(0x125, b"\x01\x02"), can.send(0x135, b"drop"), can.send(0x1234567, "ext", CAN.FLAG_EXT_ID))
time.sleep_ms(1)
r = can.recv()
print(hex(r[0]), bytes(r[1]), r[2], r[3], "view of", len(r[1]), "bytes")
r = can.recv(r)                    # the result list (and its memoryview) can be passed back in
print(hex(r[0]), bytes(r[1]), r[2], r[3], can.recv())

# the transmit queue: three buffers; the same id twice only with FLAG_UNORDERED; lowest id first
can.set_filters(None)
print([can.send(0x300, b"a"), can.send(0x300, b"b"), can.send(0x300, b"b", CAN.FLAG_UNORDERED),
       can.send(0x100, b"c"), can.send(0x050, b"d")])
# 3 queued; the first may already be on its way out by the time the counters are read
print("pending", can.get_counters()[5] in (2, 3))
time.sleep_ms(1)
order = []
while r := can.recv():
    order.append((hex(r[0]), bytes(r[1])))
print(order)

# frame timing at 50 kbit/s (20 us per bit): 0x123 with 3 data bytes is 69 bits on the wire
can.init(50_000, mode=CAN.MODE_SILENT_LOOPBACK)
can.set_filters(None)
print(can.get_timings())
time.sleep_ms(1)
t0 = time.ticks_us()
can.send(0x123, b"\x11\x22\x33")
while not can.recv():
    pass
# (plus the interpreter time of the send and the polling loop: a few bit times at most)
print("frame took 69 bit times:", 69 <= (time.ticks_diff(time.ticks_us(), t0) * 50_000 + 500_000) // 1_000_000 <= 72)

# irq: a hard handler may not allocate, so it records into lists made beforehand and receives
# into a preallocated result; flags() is called until it returns 0
seen = [0] * 8
n = [0]
res = [0, memoryview(bytearray(8)), 0, 0]
got = [None] * 4


def on_irq(c):
    while f := c.irq().flags():
        seen[n[0]] = f
        n[0] += 1
        if f & CAN.IRQ_RX:
            c.recv(res)
            got[n[0] - 1] = res[0]


can.init(500_000, mode=CAN.MODE_LOOPBACK)
can.set_filters(None)
irq = can.irq(on_irq, trigger=CAN.IRQ_TX | CAN.IRQ_RX, hard=True)
print(irq is can.irq(), irq.trigger())
print(can.send(0x10, b"A"), can.send(0x11, b"B"))
time.sleep_ms(1)
print([hex(f) for f in seen[:n[0]]], got[:n[0]])
can.irq(None, 0)

# CAN1 and CAN2 on the shared bus, both NORMAL at 250 kbit/s
can1 = CAN(1, 250_000)
can2 = CAN(2, 250_000)
can1.set_filters(None)
can2.set_filters(None)
print(can1.send(0x1ABCDEF, b"ext", CAN.FLAG_EXT_ID), can1.send(0x7FF, b"12345678", CAN.FLAG_RTR))
time.sleep_ms(2)
for i in range(3):
    r = can2.recv()
    print(r and (hex(r[0]), bytes(r[1]), r[2], r[3]))
print("CAN1 heard nothing of its own:", can1.recv())
# overrun: only standard ids into FIFO 0; five frames, the fourth and fifth overwrite the third
can2.set_filters([(0, 0, 0)])
for i in range(5):
    while can1.send(0x10 + i, b"%d" % i) is None:
        pass
time.sleep_ms(2)
print(can2.get_counters())
print([(bytes(r[1]), r[3]) for r in (can2.recv(), can2.recv(), can2.recv())], can2.recv())
# filters alternate between FIFO 0 and FIFO 1, and recv() empties FIFO 0 first
can2.set_filters([(0x100, 0x700, 0), (0x200, 0x700, 0)])
can1.send(0x201, b"first")
can1.send(0x101, b"second")
time.sleep_ms(2)
print([hex(can2.recv()[0]), hex(can2.recv()[0])])

# a lone NORMAL node: no ACK, TEC += 8 per attempt; warning at 96, passive at 128, then stays
states = [0] * 4
k = [0]


def on_state(c):
    while f := c.irq().flags():
        if f & CAN.IRQ_STATE:
            states[k[0]] = c.state()
            k[0] += 1


can2.deinit()
print(can2.state(), can2)
can1.irq(on_state, trigger=CAN.IRQ_STATE, hard=True)
print(can1.send(0x5, b"?"))
time.sleep_ms(20)
print("states", states[:k[0]], "counters", can1.get_counters())
print("cancel", can1.cancel_send(0), can1.cancel_send(0), can1.get_counters()[5])
can1.restart()
print("after restart", can1.state(), can1.get_counters())
can1.irq(None, 0)

# CAN2 at 125 kbit/s destroys every frame: TEC += 8 even when passive, bus-off after 32 tries
can1.init(500_000)
can2.init(125_000)
can1.send(0x5, b"?")
time.sleep_ms(10)
print("CAN1", can1.state(), can1.get_counters()[2:5], "CAN2", can2.state(), can2.get_counters()[:2])
try:
    can1.send(0x6, b"")
except OSError as e:
    print("bus off, send:", e)
can2.deinit()
can1.restart()
print(can1.state())
time.sleep_ms(3)
print(can1.state())

# deinit
can1.deinit()
print(can1.state(), can1.get_timings()[:4])
for f in (lambda: can1.send(1, b""), lambda: can1.recv(), lambda: can1.irq(), lambda: can1.set_filters(None)):
    try:
        f()
    except OSError as e:
        print("deinit:", e)

# bad arguments on a running controller
can = CAN(1, 500_000, mode=CAN.MODE_SILENT_LOOPBACK)
for f in (lambda: can.set_filters([(i, 0x7FF, 0) for i in range(15)]),
          lambda: can.set_filters([(1, 2)]),
          lambda: can.set_filters([(1, 0x7FF, CAN.FLAG_RTR)]),
          lambda: can.set_filters([(0x800, 0x7FF, 0)]),
          lambda: can.set_filters([5]),
          lambda: can.send(0x800, b""),
          lambda: can.send(1 << 29, b"", CAN.FLAG_EXT_ID),
          lambda: can.send(-1, b""),
          lambda: can.send(1, b"123456789"),
          lambda: can.send(1, 5),
          lambda: can.cancel_send(3),
          lambda: can.irq(on_irq, trigger=16),
          lambda: can.irq(5, trigger=CAN.IRQ_RX),
          lambda: can.recv([0]),
          lambda: can.recv([0, bytearray(8), 0, 0]),
          lambda: can.get_counters((0,) * 8)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(can.cancel_send(2))
