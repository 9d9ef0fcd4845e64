# board-args: --analog X19:1.65 --analog X20:0.5 --analog X20:2.5@500
# ADC conversions of the pin voltages (applied with --analog, at a virtual time for X20), the
# internal channels, timed reads, and the DAC on X5/X6 read back by an ADC on the same pin.
import pyb, machine, array

adc = pyb.ADC(pyb.Pin('X19'))
print(adc, adc.read())
x20 = pyb.ADC('X20')
print("X20 before 500 ms:", x20.read())
pyb.delay(500)
print("X20 after 500 ms:", x20.read())
# pyb.ADC puts its pin in analog mode: a digital output stops driving it
x21 = pyb.Pin('X21', pyb.Pin.OUT_PP)
x21.high()
print(pyb.ADC(x21).read(), pyb.Pin('X21'))
print(machine.ADC(pyb.Pin('X19')).read_u16(), machine.ADC(0).read_u16())
print(machine.ADC(machine.ADC.CORE_VREF).read_u16(), machine.ADC(machine.ADC.VREF).read_u16())

# timed reads: one sample per timer period, 8-bit buffers get the top 8 bits
buf = bytearray(5)
tim = pyb.Timer(6, freq=100)
t0 = pyb.millis()
adc.read_timed(buf, tim)
print(list(buf), pyb.elapsed_millis(t0), "ms")
abuf = array.array('H', [0] * 4)
adc.read_timed(abuf, 1000)
print(list(abuf))
ok = pyb.ADC.read_timed_multi((adc, x20), (array.array('H', [0] * 3), array.array('H', [0] * 3)), tim)
print(ok)

# internal channels
all = pyb.ADCAll(12, 0x70000)
print(all.read_channel(16), all.read_channel(17), all.read_channel(18))
print(round(all.read_core_temp()), round(all.read_core_vbat(), 2), round(all.read_core_vref(), 2), round(all.read_vref(), 2))
print(pyb.ADCAll(8).read_channel(17))

# the DAC on X5, read back by an ADC on the same pin
dac = pyb.DAC(1)
print(dac)
back = pyb.ADC('X5')
dac.write(128)
print(back.read())
dac = pyb.DAC(pyb.Pin('X5'), bits=12)
dac.write(4095)
print(dac, back.read())
dac.triangle(8192)          # one step per 1/8192 s: a full triangle takes ~1 s
pyb.delay(250)
print("triangle at 250 ms:", back.read())
pyb.delay(500)
print("triangle at 750 ms:", back.read())
dac.noise(1000)
pyb.delay(3)
a = back.read()
pyb.delay(1)
print("noise changes:", a != back.read())
d8 = pyb.DAC(2, bits=8)
d8.write_timed(bytearray([0, 64, 128, 255]), 100, mode=pyb.DAC.NORMAL)
x6 = pyb.ADC('X6')
samples = []
for i in range(6):
    samples.append(x6.read())
    pyb.delay(10)
print("write_timed NORMAL:", samples)
d8.write_timed(bytearray([0, 255]), pyb.Timer(6, freq=100), mode=pyb.DAC.CIRCULAR)
samples = []
for i in range(4):
    samples.append(x6.read())
    pyb.delay(10)
print("write_timed CIRCULAR:", samples)
d8.deinit()
print("after deinit:", x6.read())

for f in (lambda: pyb.ADC(pyb.Pin('X17')), lambda: pyb.ADC(19), lambda: machine.ADC(pyb.Pin('Y1')),
          lambda: pyb.ADCAll(7), lambda: pyb.DAC(3), lambda: pyb.DAC(pyb.Pin('X1')), lambda: pyb.DAC(1, bits=10),
          lambda: adc.read_timed(b"ro", 10), lambda: adc.read_timed(bytearray(2), "x"),
          lambda: pyb.ADC.read_timed_multi((adc,), (bytearray(2), bytearray(2)), tim)):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
