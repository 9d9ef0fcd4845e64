# pyb.RTC / machine.RTC on the virtual clock: 2000-01-01 at power-on in deterministic mode, set as
# Thonny does on connect, running with the board, calibration, the wake-up timer.
import pyb, machine, time

rtc = machine.RTC()
print(rtc is pyb.RTC(), rtc.info() & 0x30000)
print(rtc.datetime())
# Thonny sets the clock on connect: datetime((y, m, d, weekday, h, m, s, subseconds))
rtc.datetime((2024, 2, 28, 2, 23, 59, 58, 0))
print(rtc.datetime(), time.localtime())
pyb.delay(2500)
print(rtc.datetime(), time.localtime())
pyb.delay(500)
print("subseconds count down:", rtc.datetime()[7])
# the weekday is whatever was stored, advancing at midnight
rtc.datetime((2030, 12, 31, 7, 23, 59, 59, 0))
pyb.delay(1000)
print(rtc.datetime())
t = time.time_ns()
pyb.delay(3000)
print("time.time_ns() advanced", (time.time_ns() - t) // 1000000, "ms")

# smooth calibration: +511 pulses per 2**20 run the calendar faster
print(rtc.calibration())
rtc.calibration(512)
print(rtc.calibration())
rtc.datetime((2024, 1, 1, 1, 0, 0, 0, 0))
pyb.delay(2048000)           # 2048 s: 2048 * 512 / 2**20 = 1 s fast
print(rtc.datetime()[4:7])
rtc.calibration(0)
print(rtc.calibration(0xfff), rtc.calibration(0xffe))

# wake-up timer: callback(22) every period as a hard handler; it also ends pyb.stop()
calls = [0, None]
def wake(line):
    calls[0] += 1
    calls[1] = line
rtc.wakeup(100, wake)
pyb.delay(1000)
print("wakeups in 1 s:", calls)
t0 = time.ticks_ms()
rtc.wakeup(250)
pyb.stop()
print("stop ended by the wake-up timer after", time.ticks_diff(time.ticks_ms(), t0), "ms")
rtc.wakeup(None)
t0 = time.ticks_ms()
machine.lightsleep(30)
print("lightsleep", time.ticks_diff(time.ticks_ms(), t0), "ms")
rtc.init()
print(rtc.datetime()[:7])
for f in (lambda: rtc.datetime((2024, 1, 1)), lambda: rtc.calibration(600), lambda: rtc.wakeup(0x20000 * 1000 + 5000),
          lambda: machine.RTC(1), lambda: rtc.datetime("abcdefgh")):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
