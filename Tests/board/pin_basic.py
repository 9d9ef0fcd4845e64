# Pin names, modes, pulls, levels and alternate functions (pyb.Pin is machine.Pin on stm32).
import pyb, machine
from pyb import Pin

print(machine.Pin is Pin)
x1 = Pin("X1")
print(x1, x1 is Pin.board.X1, x1 is Pin.cpu.A0, x1.name(), x1.names())
print(x1.port(), x1.pin(), hex(x1.gpio()), Pin("Y12").port(), Pin("Y12").pin())
x1.init(Pin.IN, Pin.PULL_UP)
print(x1, x1.value(), x1.mode() == Pin.IN, x1.pull() == Pin.PULL_UP)
x1.init(Pin.IN, Pin.PULL_DOWN)
print(x1.value(), x1())
x1.init(Pin.IN)
print(x1.value())
out = Pin("X2", Pin.OUT_PP)
print(out, out.value())
out.high(); print(out.value())
out.low(); print(out.value())
out.on(); print(out())
out(0); print(out.value())
out.value(True); print(out.value())
od = Pin("X3", Pin.OPEN_DRAIN, value=1)
print(od, od.value())
od.init(Pin.OPEN_DRAIN, Pin.PULL_UP)
print(od.value())
od.value(0); print(od.value())
y = Pin("Y1", mode=Pin.OUT, value=1)
print(y.value())
a = Pin("X1", Pin.ALT, af=Pin.AF1_TIM2)
print(a, a.af(), a.mode() == Pin.ALT)
print(Pin("X1").af_list())
print(Pin("X9").af_list())
print(Pin.AF4_I2C1, Pin.AF7_USART1, Pin.AF8_UART4)
print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.ALT, Pin.ALT_OPEN_DRAIN, Pin.ANALOG)
print(Pin.PULL_NONE, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_RISING, Pin.IRQ_FALLING)
sw = Pin("SW")
print(sw, sw.value())
for bad in ("X99", "Z1"):
    try:
        Pin(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Pin("X1", Pin.ALT, af=Pin.AF4_I2C1)
except ValueError as e:
    print("ValueError:", e)
try:
    Pin("X1", 99)
except ValueError as e:
    print("ValueError:", e)
Pin.dict({"LEFT": Pin("Y3")})
print(Pin("LEFT"))
Pin.mapper(lambda name: Pin("Y4") if name == "RIGHT" else None)
print(Pin("RIGHT"), Pin.mapper() is not None)
