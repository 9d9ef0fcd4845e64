# board-args: --scenario lcd160cr.json
# The frozen lcd160cr driver against the LCD160CR model in the X position (power X4, I2C X,
# SPI X); the scenario touches the panel at glass (20, 30) from 20.0 s to 20.1 s. Pixels are
# read back over I2C: orientation, text (font, scale, bold, transparency, wrapping, control
# characters, scrolling), shapes with and without clipping, SPI window and framebuf, screen
# dump/load, scrolling windows, JPEG, touch, settings saved across power, watchdog, errors.
import lcd160cr, machine, pyb, framebuf
from lcd160cr import LCD160CR

W, F, B = 0xFFFF, 0xF800, 0x001F


def err(f):
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)


def row(lcd, x0, y, w, names={0: '.', 0xFFFF: '#', 0xF800: 'L', 0x001F: 'F'}):
    buf = bytearray(2 * w)
    lcd.get_line(x0, y, buf)
    return ''.join(names.get(buf[2 * i] | buf[2 * i + 1] << 8, '?') for i in range(w))


def rows(lcd, x0, y0, w, h):
    for y in range(y0, y0 + h):
        print(row(lcd, x0, y, w))


def blank(lcd):
    # every pixel of the screen is 0 (read a row at a time: a whole-screen buffer is 40 KB)
    buf = bytearray(2 * lcd.w)
    for y in range(lcd.h):
        lcd.get_line(0, y, buf)
        if any(buf):
            return False
    return True


# the module
print(lcd160cr.PORTRAIT, lcd160cr.LANDSCAPE, lcd160cr.PORTRAIT_UPSIDEDOWN, lcd160cr.LANDSCAPE_UPSIDEDOWN)
print(lcd160cr.STARTUP_DECO_NONE, lcd160cr.STARTUP_DECO_MLOGO, lcd160cr.STARTUP_DECO_INFO)
print(all(callable(f) for f in (lcd160cr.const, lcd160cr.calcsize, lcd160cr.pack_into, lcd160cr.sleep_ms)))
print(hex(LCD160CR.rgb(255, 0, 0)), hex(LCD160CR.rgb(0, 255, 0)), hex(LCD160CR.rgb(0, 0, 255)),
      hex(LCD160CR.rgb(255, 255, 255)), hex(LCD160CR.rgb(8, 4, 8)))

# constructor errors; nothing is plugged into Y, so that display never answers
err(lambda: LCD160CR())
err(lambda: LCD160CR('Z'))
err(lambda: LCD160CR(pwr=machine.Pin('X4')))
t0 = pyb.millis()
err(lambda: LCD160CR('Y'))
print(pyb.millis() - t0 >= 500)

# unpowered until the driver switches X4 on; it answers once booted (20 ms)
i2c = machine.I2C('X')
print(98 in i2c.scan())
t0 = pyb.millis()
lcd = LCD160CR('X')
print(pyb.millis() - t0 >= 20, machine.Pin('X4').value(), 98 in i2c.scan())
print(lcd.w, lcd.h)
# the saved start-up decoration (MLOGO | INFO) is on the screen
print(blank(lcd))

# erase fills with the pen's fill colour
lcd.set_pen(W, LCD160CR.rgb(0, 0, 128))
lcd.erase()
print(hex(lcd.get_pixel(0, 0)), hex(lcd.get_pixel(127, 159)))
lcd.set_pen(F, 0)
lcd.erase()

# orientation turns the logical screen over the glass
lcd.set_pixel(3, 4, 0x1234)
for o, x, y in ((1, 4, 124), (2, 124, 155), (3, 155, 3)):
    lcd.set_orient(o)
    print(o, lcd.w, lcd.h, hex(lcd.get_pixel(x, y)))
lcd.set_orient(lcd160cr.PORTRAIT)
print(lcd.w, lcd.h, hex(lcd.get_pixel(3, 4)))
err(lambda: lcd.set_orient(4))
print(lcd.get_pixel(-1, 0), lcd.get_pixel(128, 0), lcd.get_pixel(0, 160))
lcd.set_pixel(-5, 500, W)
lcd.set_pixel(3, 4, 0)

# text: 8x8 font, colours, control characters
lcd.set_text_color(W, 0)
lcd.set_font(0)
lcd.set_pos(0, 0)
lcd.write('H!')
rows(lcd, 0, 0, 16, 8)
# scale 1: 2x2 squares
lcd.erase()
lcd.set_font(0, scale=1)
lcd.set_pos(0, 0)
lcd.write('H')
rows(lcd, 0, 0, 16, 2)
# bold 1: one more pixel to the right
lcd.erase()
lcd.set_font(0, bold=1)
lcd.set_pos(0, 0)
lcd.write('H')
rows(lcd, 0, 0, 8, 1)
# transparent: the background stays
lcd.set_pen(F, B)
lcd.erase()
lcd.set_font(0, trans=1)
lcd.set_pos(0, 0)
lcd.write('!')
rows(lcd, 0, 0, 8, 2)
lcd.set_pen(F, 0)
lcd.erase()
lcd.set_font(0)
# wrapping at the right edge, newline, carriage return, backspace
lcd.set_pos(120, 40)
lcd.write('HH')
print(hex(lcd.get_pixel(121, 40)), hex(lcd.get_pixel(1, 48)))
lcd.set_pos(50, 60)
lcd.write('\nH')
print(hex(lcd.get_pixel(1, 68)), hex(lcd.get_pixel(51, 68)))
lcd.set_pos(0, 80)
lcd.write('H\b!')
print(hex(lcd.get_pixel(1, 80)), hex(lcd.get_pixel(2, 80)))
lcd.set_pos(30, 90)
lcd.write('HH\rH')
print(hex(lcd.get_pixel(1, 90)), hex(lcd.get_pixel(39, 90)))
lcd.write(b'\x02bytes')
# scroll=1: a newline on the last line moves the screen up one line
lcd.erase()
lcd.set_pixel(10, 100, 0x1111)
lcd.set_font(0, scroll=1)
lcd.set_pos(0, 152)
lcd.write('\n')
print(hex(lcd.get_pixel(10, 100)), hex(lcd.get_pixel(10, 92)))
# scroll=0: it continues at the top
lcd.set_font(0)
lcd.set_pos(0, 152)
lcd.write('\nH')
print(hex(lcd.get_pixel(1, 0)))
err(lambda: lcd.set_font(4))
err(lambda: lcd.set_font(0, scale=64))

# shapes: pen line colour L, fill colour F
lcd.set_pen(0, 0)
lcd.erase()
lcd.set_pen(F, B)
lcd.rect(10, 10, 5, 4)
lcd.rect_outline(20, 10, 4, 3)
lcd.rect_interior(30, 10, 4, 4)
rows(lcd, 9, 9, 26, 6)
lcd.line(0, 30, 5, 32)
rows(lcd, 0, 30, 6, 3)
lcd.line(-10, 40, 200, 40)
print(row(lcd, 0, 40, 128).count('L'))
lcd.line(-10, -10, -5, -5)
lcd.dot(7, 7)
lcd.dot(-1, 0)
lcd.dot_no_clip(8, 8)
lcd.rect_no_clip(40, 10, 3, 3)
lcd.rect_outline_no_clip(44, 10, 3, 3)
lcd.rect_interior_no_clip(48, 10, 3, 3)
lcd.line_no_clip(0, 50, 3, 50)
rows(lcd, 6, 7, 3, 2)
rows(lcd, 40, 10, 11, 3)
print(row(lcd, 0, 50, 6))
lcd.poly_dot(bytes([1, 60, 3, 60, 5, 60]))
print(row(lcd, 0, 60, 7))
lcd.poly_line(bytes([0, 70, 4, 70, 4, 72]))
rows(lcd, 0, 70, 6, 3)
# a long polyline goes in several commands that share their end points
pts = bytearray()
for x in range(0, 126):
    pts += bytes([x, 80 + 4 * (x & 1)])
lcd.poly_line(pts)
print(sum(row(lcd, 0, y, 128).count('L') for y in range(80, 85)))
print(LCD160CR.clip_line([-10, -10, 200, 200], 128, 160), LCD160CR.clip_line([64, -20, 64, 200], 128, 160))
c = [64, -20, 64, 200]
LCD160CR.clip_line(c, 128, 160)
d = [10, 20, 30, 40]
print(c, LCD160CR.clip_line(d, 128, 160), d, LCD160CR.clip_line([0, -5, 0, -1], 128, 160))

# get_line with an odd-length buffer fills whole pixels only
b5 = bytearray(b'\xaa' * 5)
lcd.get_line(10, 10, b5)
print(b5)

# screen dump and load (current orientation, row by row, little-endian); a buffer shorter than
# the screen (here its first 8 rows) takes the first pixels
buf = bytearray(2 * 128 * 8)
lcd.set_pen(0, 0)
lcd.erase()
lcd.set_pixel(0, 0, 0x1234)
lcd.set_pixel(127, 7, 0x5678)
lcd.set_pixel(0, 8, 0x9ABC)
lcd.screen_dump(buf)
print(buf[:4], buf[-2:])
lcd.set_pen(0, W)
lcd.erase()
lcd.screen_load(buf)
print(hex(lcd.get_pixel(0, 0)), hex(lcd.get_pixel(1, 0)), hex(lcd.get_pixel(127, 7)), hex(lcd.get_pixel(0, 8)))
small = bytearray(6)
lcd.screen_dump(small)
print(small)

# SPI window: pixels fill it row by row and wrap; fast_spi() starts again at its top-left
lcd.set_spi_win(10, 100, 3, 2)
lcd.show_framebuf(b'\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00')
print([lcd.get_pixel(x, y) for y in (100, 101) for x in (10, 11, 12)])
spi = lcd.fast_spi()
spi.write(b'\x07\x00\x08\x00')
print([lcd.get_pixel(x, 100) for x in (10, 11, 12)])
spi.write(b'\x09\x00')
print(lcd.get_pixel(12, 100), spi is lcd.spi)
fb = framebuf.FrameBuffer(bytearray(2 * 4 * 2), 4, 2, framebuf.RGB565)
fb.fill(F)
fb.pixel(0, 0, B)
lcd.set_spi_win(0, 120, 4, 2)
lcd.show_framebuf(fb)
print(hex(lcd.get_pixel(0, 120)), hex(lcd.get_pixel(1, 120)), hex(lcd.get_pixel(3, 121)))

# JPEG at the text position: 16x8, left half red, right half blue (baseline, 4:4:4)
jpg = bytes.fromhex(
    'ffd8ffe000104a46494600010100000100010000ffdb0043000201010101010201010102020202020403020202020504'
    '040304060506060605060606070908060709070606080b08090a0a0a0a0a06080b0c0b0a0c090a0a0affdb0043010202'
    '02020202050303050a0706070a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a'
    '0a0a0a0a0a0a0a0a0a0a0a0a0a0affc00011080008001003011100021101031101ffc400140001000000000000000000'
    '00000000000008ffc40014100100000000000000000000000000000000ffc40016010101010000000000000000000000'
    '00000a0809ffc40014110100000000000000000000000000000000ffda000c03010002110311003f0017a536fe086550'
    '35efffd9')
lcd.set_pen(0, 0)
lcd.erase()
lcd.set_pos(20, 30)
lcd.jpeg(jpg)
print(sorted(set(lcd.get_pixel(x, y) for x in range(20, 28) for y in range(30, 38))),
      sorted(set(lcd.get_pixel(x, y) for x in range(28, 36) for y in range(30, 38))),
      lcd.get_pixel(19, 30), lcd.get_pixel(36, 30), lcd.get_pixel(20, 38))
# in pieces
lcd.erase()
lcd.set_pos(0, 0)
lcd.jpeg_start(len(jpg))
lcd.jpeg_data(jpg[:100])
print(lcd.get_pixel(0, 0))
lcd.jpeg_data(jpg[100:])
print(hex(lcd.get_pixel(0, 0)), hex(lcd.get_pixel(15, 7)))
# a progressive or damaged file draws nothing
lcd.erase()
lcd.jpeg(jpg.replace(b'\xff\xc0', b'\xff\xc2'))
lcd.jpeg(jpg[:285] + jpg[-2:])
print(lcd.get_pixel(0, 0), lcd.get_pixel(10, 5))

# scrolling windows at 60 frames per second
lcd.erase()
lcd.set_pixel(0, 0, W)
lcd.set_scroll_win(0, 0, 0, 8, 1, vec=1)
lcd.set_scroll(1)
pyb.delay(58)
print(row(lcd, 0, 0, 8))
lcd.set_scroll(0)
pyb.delay(100)
print(row(lcd, 0, 0, 8))
lcd.set_scroll_win_param(0, 4, 0x8000 | 6)
lcd.set_scroll(1)
pyb.delay(210)
lcd.set_scroll(0)
print(row(lcd, 0, 0, 8))
lcd.set_scroll_win(0)
lcd.erase()
# window 8 is the ticker: the scroll text in the 8x8 font
lcd.set_scroll_buf('AB')
lcd.set_scroll_win(8, 0, 150, 40, 8, vec=0, fill=B, color=W)
lcd.set_scroll(1)
print(row(lcd, 0, 150, 16), row(lcd, 0, 152, 16))
lcd.set_scroll(0)
lcd.set_scroll_win(8)
err(lambda: lcd.set_scroll_buf('x' * 33))

# settings
err(lambda: lcd.set_brightness(32))
lcd.set_brightness(20)
err(lambda: lcd.set_i2c_addr(0x63))
lcd.set_i2c_addr(200)
print(98 in i2c.scan(), 100 in i2c.scan(), lcd.i2c_addr, lcd.get_pixel(0, 0))
lcd.set_i2c_addr(0xC4)
print(lcd.i2c_addr)
err(lambda: lcd.set_uart_baudrate(0))
lcd.set_uart_baudrate(9600)
err(lambda: lcd.set_startup_deco(4))
lcd.set_startup_deco(lcd160cr.STARTUP_DECO_NONE)
lcd.set_orient(lcd160cr.LANDSCAPE)
lcd.save_to_flash()
# power off: it stops answering; back on, the saved settings and an empty screen
lcd.set_pixel(5, 5, W)
lcd.set_power(0)
print(98 in i2c.scan())
try:
    lcd.get_pixel(5, 5)
except OSError as e:
    print('OSError', e.errno)
lcd.set_power(1)
print(lcd.w, lcd.h, lcd.get_pixel(5, 5))
print(blank(lcd))
lcd.set_orient(lcd160cr.PORTRAIT)
lcd.save_to_flash()
# a reset keeps the saved settings and clears the screen
lcd.set_pixel(5, 5, W)
lcd.reset()
print(lcd.w, lcd.h, lcd.get_pixel(5, 5))

# command queue and answers
lcd.oflush()
lcd.i2c.writeto(98, b'\x02\x21\x00\x00\x00\x00')
lcd.iflush()
print(lcd.i2c.readfrom(98, 2))

# touch (the scenario touches glass (20, 30) at 20.0 s and lets go at 20.1 s)
print(lcd.get_touch(), lcd.is_touched())
lcd.touch_config(calib=True)
lcd.touch_config(irq=True, save=True)
pyb.delay(20050 - pyb.millis())
print(lcd.get_touch(), lcd.is_touched())
lcd.set_orient(lcd160cr.LANDSCAPE)
print(lcd.get_touch())
lcd.set_orient(lcd160cr.LANDSCAPE_UPSIDEDOWN)
print(lcd.get_touch())
pyb.delay(100)
lcd.set_orient(lcd160cr.PORTRAIT)
print(lcd.get_touch(), lcd.is_touched())

# the watchdog: started by the first feed, the display restarts 30 s after the last one
lcd.set_pixel(1, 1, W)
lcd.feed_wdt()
for i in range(4):
    pyb.delay(10000)
    lcd.feed_wdt()
print(hex(lcd.get_pixel(1, 1)))
pyb.delay(31000)
print(lcd.get_pixel(1, 1))
