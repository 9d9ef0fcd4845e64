# LEDs 3 and 4 dim with intensity(); LEDs 1 and 2 can only be on or off.
import pyb

for n in (1, 2, 3, 4):
    led = pyb.LED(n)
    led.intensity(128)
    print(led, led.intensity())
    led.intensity(0)
    print(led.intensity())
    led.on()
    print(led.intensity())
    led.off()
print(pyb.LED(4).intensity(300), pyb.LED(4).intensity())
print(pyb.LED(1) is pyb.LED(1))
try:
    pyb.LED(5)
except ValueError as e:
    print("ValueError:", e)
# the LED drives its pin: LED_RED is high while LED(1) is on
red = pyb.Pin("LED_RED")
pyb.LED(1).on()
print(red.value(), red)
pyb.LED(1).off()
print(red.value())
pyb.LED(4).intensity(64)
print(pyb.Pin("LED_BLUE"))
