# board-args: --attach ssd1306@i2c1 --attach ssd1306-spi@spi2:Y5,dc=Y4,res=Y3
# micropython-ssd1306 0.3 (PyPI, unmodified) drawing on two SSD1306 models: one on I2C1 (X9/X10,
# 0x3C), one on SPI2 with CS=Y5, D/C=Y4, RES=Y3. The runner checks that the window's OLED
# panels show exactly the driver's framebuffers (printed below as hex) in a screenshot.
import sys
if '' not in sys.path:
    sys.path.insert(0, '')  # the driver sits beside this script (the run's /flash-like folder)
import pyb
from machine import I2C, SPI, Pin
import ssd1306

oled = ssd1306.SSD1306_I2C(128, 64, I2C(1))
oled.fill(0)
oled.rect(0, 0, 128, 64, 1)
oled.text('microboard', 8, 8, 1)
oled.text('SSD1306 on I2C', 8, 24, 1)
oled.fill_rect(8, 44, 40, 8, 1)
oled.show()

spi_oled = ssd1306.SSD1306_SPI(128, 64, SPI(2), Pin('Y4'), Pin('Y3'), Pin('Y5'))
spi_oled.fill(0)
spi_oled.rect(0, 0, 128, 64, 1)
spi_oled.text('and on SPI', 8, 8, 1)
spi_oled.hline(8, 40, 100, 1)
spi_oled.show()

print('I2C', bytes(oled.buffer).hex())
print('SPI', bytes(spi_oled.buffer).hex())
pyb.delay(1000)  # still running when the screenshot is taken at 500 ms
