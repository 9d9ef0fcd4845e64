# pyb.ExtInt: callback(line) as a hard handler; swint() fires it from software.
import pyb
from pyb import ExtInt, Pin

lines = []
def cb(line):
    lines.append(line)

lines = [0, 0]
n = [0]
def cb(line):
    lines[n[0] % 2] = line
    n[0] += 1

ext = ExtInt("X2", ExtInt.IRQ_FALLING, Pin.PULL_UP, cb)
print(ext, ext.line())
print(Pin("X2"))
ext.swint()
print(n[0], lines)
ext.disable()
ext.swint()
print(n[0])
ext.enable()
ext.swint()
print(n[0])
try:
    ExtInt("Y12", ExtInt.IRQ_RISING, Pin.PULL_NONE, cb)   # B1 shares line 1 with A1
except ValueError as e:
    print("ValueError:", e)
try:
    ExtInt("Y11", 5, Pin.PULL_NONE, cb)
except ValueError as e:
    print("ValueError:", e)
print(ExtInt.IRQ_RISING, ExtInt.IRQ_FALLING, ExtInt.IRQ_RISING_FALLING)
print(ExtInt.EVT_RISING, ExtInt.EVT_FALLING, ExtInt.EVT_RISING_FALLING)
ExtInt.regs()
