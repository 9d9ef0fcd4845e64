# Timer channels drive their pins: PWM duty cycles show as LED brightness (LED 3 on TIM2 CH1,
# LED 4 on TIM3 CH1), OC modes set levels, machine.PWM uses the pin's timer channel.
import pyb, machine

yellow = pyb.Pin('LED_YELLOW')
tim = pyb.Timer(2, freq=1000)
ch = tim.channel(1, pyb.Timer.PWM, pin=yellow, pulse_width_percent=25)
print(ch, ch.pulse_width(), ch.pulse_width_percent())
print(yellow, pyb.LED(3).intensity())
ch.pulse_width_percent(62.5)
print(ch.pulse_width(), ch.pulse_width_percent(), pyb.LED(3).intensity())
ch.pulse_width(tim.period() + 1)
print(ch.pulse_width_percent(), pyb.LED(3).intensity())
ch = tim.channel(1, pyb.Timer.PWM_INVERTED, pin=yellow, pulse_width_percent=25)
print(ch, pyb.LED(3).intensity())
tim.deinit()
print(pyb.LED(3).intensity())

# LED.intensity() runs the LED's timer as led.c does: 1 MHz ticks, 10 ms period
pyb.LED(3).intensity(128)
print(pyb.Timer(2), pyb.Timer(2).channel(1), pyb.LED(3).intensity())
pyb.LED(3).off()

# centre-aligned: compare == period is 100%
t3 = pyb.Timer(3, freq=500, mode=pyb.Timer.CENTER)
blue = t3.channel(1, pyb.Timer.PWM, pin=pyb.Pin('LED_BLUE'), pulse_width_percent=50)
print(t3, blue.pulse_width(), t3.period(), pyb.LED(4).intensity())

# output compare modes on X1 (TIM5 CH1)
x1 = pyb.Pin('X1')
t5 = pyb.Timer(5, prescaler=83, period=9999)   # 1 MHz ticks, 10 ms period
oc = t5.channel(1, pyb.Timer.OC_FORCED_ACTIVE, pin=x1)
print(oc, x1.value())
t5.channel(1, pyb.Timer.OC_FORCED_INACTIVE, pin=x1)
print(x1.value())
t5.counter(0)
t5.channel(1, pyb.Timer.OC_ACTIVE, pin=x1, compare=5000)
print("before match:", x1.value())
pyb.udelay(6000)
print("after match:", x1.value())
t5.channel(1, pyb.Timer.OC_ACTIVE, pin=x1, compare=5000, polarity=pyb.Timer.LOW)
print("active low before match:", x1.value())
t5.channel(1, pyb.Timer.OC_TOGGLE, pin=x1, compare=0)
print(x1.value())
t5.deinit()
print(x1.value())

# machine.PWM on the LED pins
pwm = machine.PWM(pyb.Pin('LED_BLUE'), freq=2000, duty_u16=49152)
print(pwm, pwm.freq(), pwm.duty_u16(), pyb.LED(4).intensity())
pwm.duty_ns(100000)
print(pwm.duty_ns(), pwm.duty_u16(), pyb.LED(4).intensity())
pwm.freq(1000)
print(pwm.freq(), pwm.duty_u16(), pyb.LED(4).intensity())
pwm.init(duty_u16=16384, invert=True)
print(pyb.LED(4).intensity())
pwm.deinit()
print(pwm, pyb.LED(4).intensity())
for f in (lambda: machine.PWM(pyb.Pin('X19')), lambda: pwm.duty_u16(70000), lambda: machine.PWM('Q1')):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
