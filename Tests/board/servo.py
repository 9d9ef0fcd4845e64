# pyb.Servo on X1-X4 (TIM5 at 100 kHz, 50 Hz): pulse widths, calibration, and timed moves in
# 20 ms steps with the driver's arithmetic; the pin carries the pulse as its duty cycle.
import pyb

s = pyb.Servo(1)
print(s, s.angle(), s.speed(), s.pulse_width(), s.calibration())
print(pyb.Timer(5), pyb.Pin('X1'))
s.angle(45)
print(s, s.angle())
s.angle(-90)
print(s, s.angle())
s.pulse_width(1000)
print(s.pulse_width(), s.angle())
s.pulse_width(3000)                 # clamped to pulse_max
print(s.pulse_width())
# a timed move: 1000 ms = 50 steps of 20 ms
s.angle(0)
s.angle(90, 1000)
for i in range(5):
    pyb.delay(250)
    print(pyb.millis() // 250 * 250, s.pulse_width(), s.angle())
s2 = pyb.Servo(2)
s2.speed(50)
print(s2, s2.speed())
s2.speed(-100, 200)
pyb.delay(100)
print(s2.speed())
pyb.delay(150)
print(s2.speed(), s2)
s2.calibration(700, 2400, 1510, 2500, 2200)
print(s2.calibration())
s2.calibration(600, 2500, 1500)
print(s2.calibration())
print(pyb.Servo(1) is s)
for f in (lambda: pyb.Servo(0), lambda: pyb.Servo(5), lambda: s.calibration(1, 2), lambda: pyb.Servo(1, 2)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
