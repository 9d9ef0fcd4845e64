# board-stdin: hello\nsecond line\nthird\n
# pyb.USB_VCP on the console (this test's stdin and stdout), pyb.USB_HID with no host:
# send() takes a report, recv() times out; pyb.hid_mouse / hid_keyboard descriptors; pyb.country.
import pyb

v = pyb.USB_VCP()
print(v, v is pyb.USB_VCP(0), v.RTS, v.CTS, v.IRQ_RX)
v.init(flow=v.RTS | v.CTS)
print(v.any(), v.read(3), v.readline())
buf = bytearray(4)
print(v.readinto(buf), buf)
print(v.recv(3, timeout=10))
print(v.readlines())
print(v.any(), v.read(), v.readline(), v.readinto(buf))
t = pyb.millis()
print(v.recv(2, timeout=20), pyb.millis() - t)
print(v.write(b'written\n'), v.send(b'sent\n'), v.send(0x41))
print()
v.setinterrupt(-1)
v.setinterrupt(3)
v.close()

print(pyb.hid_mouse[:4], len(pyb.hid_mouse[4]), pyb.hid_mouse[4][:4])
print(pyb.hid_keyboard[:4], len(pyb.hid_keyboard[4]), pyb.hid_keyboard[4][:4])
h = pyb.USB_HID()
print(h.send((0, 10, -3, 0)), h.send(b'\x00\x01\x02\x00'), pyb.hid((1, 0, 0, 0)))
t = pyb.millis()
print(h.recv(4, timeout=50), pyb.millis() - t)
print(h.recv(bytearray(4), timeout=0))
print(pyb.country())
pyb.country('GB')
print(pyb.country())
try:
    pyb.country('GBR')
except ValueError:
    print('ValueError')
