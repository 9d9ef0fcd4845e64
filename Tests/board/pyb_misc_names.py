# pyb.SD, pyb.servo/pwm, pyb.repl_info, pyb.repl_uart, machine.mem_backup, the I2S2 AF constants
# board-args: --uart 1:loopback
import pyb, machine, stm, time

# pyb.SD is the SD card object pyb.SDCard() returns (one slot, one object)
print(pyb.SD is pyb.SDCard(), pyb.SD is machine.SDCard(), type(pyb.SD).__name__)
print(pyb.SD.present())

# I2S2 alternate functions: AF5 on CK/WS/SD, AF6 on I2S2ext_SD (Y7 = B14)
print(pyb.Pin.AF5_I2S2, pyb.Pin.AF6_I2S2, machine.Pin.AF6_I2S2)
print(pyb.Pin("Y7").af_list())
print(pyb.Pin("Y6").af_list())

# pyb.servo/pwm write TIM5's registers and leave the Servo objects alone
s = pyb.Servo(1)
s.pulse_width(1200)
pyb.servo(1, 300)
pyb.pwm(1999, 100)
print(s.pulse_width())
for bad in ((1,), (1, 1.5)):
    try:
        pyb.servo(*bad)
    except TypeError:
        print("TypeError", len(bad))

# repl_info only prints after friendly-REPL lines: a script sees no output
print(pyb.repl_info(1), pyb.repl_info(False))

# repl_uart: terminal output is repeated on the UART (looped back to its own RX here)
u = pyb.UART(1, 115200)
print(pyb.repl_uart())
pyb.repl_uart(u)
print(pyb.repl_uart() is u)
print("on the uart")
pyb.repl_uart(None)
print("not on the uart")
time.sleep_ms(5)
print(u.read())
print(pyb.repl_uart())
try:
    pyb.repl_uart(42)
except ValueError as e:
    print("ValueError", e)

# machine.mem_backup: 4 KiB of backup SRAM, the same bytes as BKPSRAM at 0x40024000
m = machine.mem_backup()
print(type(m).__name__, len(m))
m[0] = 0xA5
m[1:4] = b"xyz"
print(hex(stm.mem8[0x40024000]), hex(stm.mem32[0x40024000]))
stm.mem8[0x40024FFF] = 7
print(machine.mem_backup(0)[4095], bytes(machine.mem_backup()[:4]))
try:
    machine.mem_backup(1)
except ValueError:
    print("ValueError region 1")
