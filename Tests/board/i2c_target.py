# machine.I2CTarget on I2C(2) (Y9/Y10), driven by the controller I2C(1) (X9/X10) with the two
# buses wired together, as two pyboard buses would be joined to try a target.
# board-args: --i2c-link 1:2
from machine import I2C, I2CTarget
import time

print(I2CTarget.IRQ_ADDR_MATCH_READ, I2CTarget.IRQ_ADDR_MATCH_WRITE, I2CTarget.IRQ_READ_REQ,
      I2CTarget.IRQ_WRITE_REQ, I2CTarget.IRQ_END_READ, I2CTarget.IRQ_END_WRITE)

# a memory device: an 8-bit memory address, then data, wrapping at the end of mem
mem = bytearray(b"ABCDEFGH")
t = I2CTarget(2, 0x42, mem=mem)
print(t)
i2c = I2C(1)
print(0x42 in i2c.scan())
print(i2c.readfrom_mem(0x42, 2, 3))
i2c.writeto_mem(0x42, 6, b"xyz")
print(mem, t.memaddr)

# soft IRQ on the default triggers (end of read, end of write); the flags are the last event's
events = []
t.irq(lambda tgt: events.append((tgt.irq().flags(), tgt.memaddr)))
i2c.writeto_mem(0x42, 1, b"Q")
time.sleep_ms(1)
print(i2c.readfrom_mem(0x42, 0, 2))
time.sleep_ms(1)
print(events, mem)
try:
    t.irq(print, trigger=I2CTarget.IRQ_READ_REQ)
except ValueError as e:
    print("ValueError", e)
t.deinit()
try:
    i2c.readfrom(0x42, 1)
except OSError as e:
    print("OSError", e.errno)

# no memory: a hard handler answers each byte (the heap is locked in it: no allocation)
log = bytearray(16)
pos = [0]
data = bytearray(1)


def raw(tgt):
    f = tgt.irq().flags()
    log[pos[0]] = f
    pos[0] += 1
    if f & I2CTarget.IRQ_READ_REQ:
        tgt.write(b"\x5a")
    if f & I2CTarget.IRQ_WRITE_REQ:
        tgt.readinto(data)
        log[pos[0]] = data[0]
        pos[0] += 1


t2 = I2CTarget("Y", 0x43)
every = (I2CTarget.IRQ_ADDR_MATCH_READ | I2CTarget.IRQ_ADDR_MATCH_WRITE | I2CTarget.IRQ_READ_REQ
         | I2CTarget.IRQ_WRITE_REQ | I2CTarget.IRQ_END_READ | I2CTarget.IRQ_END_WRITE)
t2.irq(raw, trigger=every, hard=True)
print(i2c.writeto(0x43, b"\x07\x08"))
print(i2c.readfrom(0x43, 2))
print(list(log[:pos[0]]))
print(t2.irq().trigger(0) == every, t2.irq().trigger())
t2.deinit()

for bad in (lambda: I2CTarget(3, 0x10), lambda: I2CTarget(2, 0x44, mem=bytearray(4), mem_addrsize=12),
            lambda: I2CTarget(2, 0x44, mem=b"read-only"), lambda: I2CTarget(2, 0x44, scl="X9")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
