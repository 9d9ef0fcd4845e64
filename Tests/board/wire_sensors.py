# board-args: --scenario wire_sensors.json
# dht (DHT11/DHT22 on dht_readinto) and onewire (the 1-Wire bus on _onewire) against the sensor
# models: a DHT22 on X1, a DHT11 on Y1, two DS18B20 on X2; values changed by the scenario at 3 s.
import dht, onewire, machine, time

d22 = dht.DHT22(machine.Pin('X1'))
d11 = dht.DHT11(machine.Pin('Y1'))
d22.measure()
print('dht22', d22.temperature(), d22.humidity(), list(d22.buf))
d11.measure()
print('dht11', d11.temperature(), d11.humidity())
try:
    dht.DHT22(machine.Pin('X3')).measure()    # nothing on X3
except OSError as e:
    print('X3', e.errno)

ow = onewire.OneWire(machine.Pin('X2'))
print('presence', ow.reset(), onewire.OneWire(machine.Pin('X4')).reset())
try:
    onewire.OneWire(machine.Pin('X4')).reset(True)
except onewire.OneWireError:
    print('OneWireError')
roms = sorted(ow.scan())
print([r.hex() for r in roms])
print([ow.crc8(r) for r in roms])

def convert():
    ow.reset(True)
    ow.writebyte(ow.SKIP_ROM)
    ow.writebyte(0x44)
    t0 = time.ticks_ms()
    while not ow.readbit():
        pass
    return time.ticks_diff(time.ticks_ms(), t0)

def read(rom):
    ow.select_rom(rom)
    ow.writebyte(0xBE)
    b = bytearray(9)
    ow.readinto(b)
    t = b[0] | b[1] << 8
    return (t - 0x10000 if t & 0x8000 else t) / 16, ow.crc8(b)

print('power-on', [read(r) for r in roms])
print('conversion ms', convert())
print([read(r) for r in roms])

time.sleep_ms(3000)
d22.measure()
print('dht22', d22.temperature(), d22.humidity())
# 9-bit resolution on every sensor: config byte 0x1F through WRITE SCRATCHPAD (TH, TL, config)
ow.reset(True)
ow.writebyte(ow.SKIP_ROM)
ow.write(b'\x4e\x4b\x46\x1f')
# 93.75 ms; the millisecond ticks read 93 or 94 by where the poll loop catches the end
print('conversion ms 9-bit', convert() in (93, 94))
print([read(r) for r in roms])
