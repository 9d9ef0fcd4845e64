# The boot-time pyb functions: usb_mode (accepted and reported on the host's stderr, the REPL
# stays on the serial link), main (only a str is taken), sync, and the dirty flash cache on LED 1.
import pyb, os
print(pyb.usb_mode())
pyb.usb_mode('VCP+HID')
print(pyb.usb_mode())
pyb.usb_mode('CDC', vid=0x1234)
print(pyb.usb_mode())
try:
    pyb.usb_mode('VCP+XYZ')
except ValueError as e:
    print('ValueError:', e)
print(pyb.main(42), pyb.main('other.py', opt=1))
red = pyb.Pin('LED_RED')
print('clean at start:', red.value())
f = open('/flash/t.txt', 'w')
f.write('x' * 600)
print('dirty after a write:', red.value())
f.close()
print('clean after close:', red.value())
with open('/flash/t.txt') as f:
    print(len(f.read()))
pyb.Flash(start=0, len=224 * 512).writeblocks(223, bytes(512))
print('dirty after writeblocks:', red.value())
pyb.sync()
print('clean after pyb.sync:', red.value())
