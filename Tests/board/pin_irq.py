# machine.Pin.irq: soft handlers run through micropython.schedule after the edge, hard handlers
# run at once; the EXTI line reads the pin itself, so an output pin's own writes trigger it.
from machine import Pin
import pyb, micropython

p = Pin("X1", Pin.OUT, value=0)
seen = []

def soft(pin):
    seen.append((pin is p, pin.value()))

irq = p.irq(soft, Pin.IRQ_RISING)
p.value(1)
pyb.delay(1)
p.value(0)
pyb.delay(1)
p.value(1)
pyb.delay(1)
print("rising", seen, irq.flags())

seen.clear()
p.irq(soft, Pin.IRQ_RISING | Pin.IRQ_FALLING)
p.value(0)
pyb.delay(1)
p.value(1)
pyb.delay(1)
print("both", seen)

# a hard handler runs before the next line of the program
count = [0]
def hard(pin):
    count[0] += 1
p.irq(hard, Pin.IRQ_FALLING, hard=True)
p.value(0)
print("hard", count[0])
p.value(1)
p.value(0)
print("hard", count[0])
p.irq(None)
p.value(1)
p.value(0)
print("after irq(None)", count[0])

# another pin on the same EXTI line is refused
try:
    Pin("Y3").irq(soft)   # B8: line 8 is free
    Pin("X5").irq(soft)   # A4: line 4 is free
    Pin("Y4").irq(soft)   # B9: line 9
    Pin("X1").irq(soft)   # A0: line 0 again, same pin: replaces
    Pin("Y11").irq(soft)  # B0: line 0 taken by A0
except ValueError as e:
    print("ValueError:", e)

# disable_irq holds edges back until enable_irq
p.irq(hard, Pin.IRQ_RISING, hard=True)
count[0] = 0
state = machine_state = None
import machine
state = machine.disable_irq()
p.value(1)
print("masked", count[0])
machine.enable_irq(state)
pyb.delay(1)
print("unmasked", count[0])
