# board-args: --scenario bme280_scenario.json
# micropython-bme280 2.1.3 (PyPI, unmodified) reading the BME280 model on I2C2 (Y9/Y10) through
# machine.I2C and SoftI2C, with values set by the scenario at 0 and 1000 ms. The driver's
# integer compensation has `* (dig_T2 >> 11)` where the datasheet has `(... * dig_T2) >> 11`,
# so it reads about 1.4 degC low on any chip; the datasheet formula on the same raw words and
# calibration gives back the set 19.87 degC.
import sys, time
from array import array
if '' not in sys.path:
    sys.path.insert(0, '')  # the driver sits beside this script (the run's /flash-like folder)
from machine import I2C, SoftI2C, Pin
import bme280

i2c = I2C('Y')
print(i2c.scan(), i2c.readfrom_mem(0x76, 0xD0, 1))
sensor = bme280.BME280(i2c=i2c)
print(sensor.values)
t, p, h = sensor.read_compensated_data()
print(t, p // 256, h // 1024)
raw = array('i', [0, 0, 0])
sensor.read_raw_data(raw)
T1, T2, T3 = sensor.dig_T1, sensor.dig_T2, sensor.dig_T3
v1 = (((raw[0] >> 3) - (T1 << 1)) * T2) >> 11
v2 = (((((raw[0] >> 4) - T1) * ((raw[0] >> 4) - T1)) >> 12) * T3) >> 14
print('datasheet formula:', ((v1 + v2) * 5 + 128) >> 8)
time.sleep_ms(1000 - time.ticks_ms())
print(bme280.BME280(i2c=SoftI2C(scl=Pin('Y9'), sda=Pin('Y10'))).values)
# The BMP280 (no humidity) answers at 0x77 on I2C1 with its own chip id.
print(I2C(1).readfrom_mem(0x77, 0xD0, 1))
