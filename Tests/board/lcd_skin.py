# board-args: --attach lcd32mk@X
# pyb.LCD on the LCD32MK skin (ST7565R model on SPI 1, CS1 X3, RST X4, A0 X5, backlight X12):
# constructor and its errors, the pins and SPI unit it sets up, the double buffer (pixel/text/
# fill draw hidden, show() makes visible, get() reads visible), the 8x8 font, clipping, the
# backlight pin, contrast clamping, write() bypassing the pixel buffers, command().
import pyb
from pyb import Pin


def rows(lcd, x0, y0, w, h):
    for y in range(y0, y0 + h):
        print(''.join('#' if lcd.get(x, y) else '.' for x in range(x0, x0 + w)))


def err(f):
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)


lcd = pyb.LCD('X')
print(lcd)
# CS1 and RST high, A0 high (the last byte sent was display data), backlight off
print([Pin(p).value() for p in ('X3', 'X4', 'X5', 'X12')])
print(pyb.SPI(1))

# constructor errors
err(lambda: pyb.LCD())
err(lambda: pyb.LCD('X', 1))
err(lambda: pyb.LCD(skin='X'))
err(lambda: pyb.LCD(1))
err(lambda: pyb.LCD('Z'))
err(lambda: pyb.LCD('XY'))
err(lambda: pyb.LCD(''))

# the Y position, lower case accepted: SPI 2 on APB1 at 42 MHz / 2
lcd_y = pyb.LCD('y')
print(pyb.SPI(2))
print([Pin(p).value() for p in ('Y3', 'Y4', 'Y5', 'Y12')])

# backlight
lcd.light(True)
print(Pin('X12').value())
lcd.light(0)
print(Pin('X12').value())
lcd.light('on')
print(Pin('X12').value())

# double buffering
lcd.pixel(5, 6, 1)
print(lcd.get(5, 6))
lcd.show()
print(lcd.get(5, 6))
lcd.pixel(5, 6, 0)
print(lcd.get(5, 6))
lcd.show()
print(lcd.get(5, 6))

# fill writes both buffers: no show() needed for get()
lcd.fill(1)
print(lcd.get(0, 0), lcd.get(127, 31))
lcd.fill(0)
print(lcd.get(0, 0), lcd.get(127, 31))

# outside the screen: get() is 0, pixel() does nothing and does not look at the colour
print(lcd.get(128, 0), lcd.get(-1, 0), lcd.get(0, 32), lcd.get(0, -1))
lcd.pixel(200, 0, 'not a colour')
err(lambda: lcd.pixel(0, 0, 'not a colour'))

# text in the 8x8 font, into the hidden buffer
lcd.text('H!', 0, 0, 1)
print(lcd.get(1, 0))
lcd.show()
rows(lcd, 0, 0, 16, 8)
# clipped at the right and bottom edges
lcd.fill(0)
lcd.text('H', 124, 28, 1)
lcd.show()
rows(lcd, 120, 28, 8, 4)
# colour 0 clears the glyph's pixels only
lcd.fill(1)
lcd.text('H', 0, 0, 0)
lcd.show()
rows(lcd, 0, 0, 8, 8)
# characters outside 32..127 draw as glyph 127; a 2-byte UTF-8 character is two of them
lcd.fill(0)
lcd.text('\x01', 0, 0, 1)
lcd.text('\xe9', 8, 0, 1)
lcd.text(b'_', 24, 0, 1)
lcd.show()
rows(lcd, 0, 0, 32, 8)
err(lambda: lcd.text(bytearray(b'!'), 0, 0, 1))
err(lambda: lcd.text(5, 0, 0, 1))
err(lambda: lcd.text('a', 0.5, 0, 1))

# write() goes straight to the display, not into the pixel buffers
lcd.fill(0)
lcd.write('Hello world!\n0123456789abcdefghij\rX\bY\n\n\n\n')
print(sum(lcd.get(x, y) for x in range(128) for y in range(32)))
err(lambda: lcd.write(5))
lcd.write(b'bytes too')

# contrast is clamped to 0..47, not checked
lcd.contrast(100)
lcd.contrast(-5)
err(lambda: lcd.contrast(1.5))

# raw commands and data: an int is one byte, anything else needs the buffer protocol
lcd.command(0, 0xA6)
lcd.command(1, b'\x00\x00')
lcd.command(0, bytearray([0xAF]))
err(lambda: lcd.command(0, 1.5))
err(lambda: lcd.command('a', b''))
print([Pin(p).value() for p in ('X3', 'X4', 'X5')])
