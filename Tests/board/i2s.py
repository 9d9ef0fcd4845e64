# machine.I2S on I2S2 (Y6 SCK, Y5 WS, Y8 SD): the board's amplifier on TX, its microphone on RX
# (a 1 kHz tone at half scale, 24-bit samples in the left slot).
from machine import I2S, Pin
import time, struct, array

print(I2S.TX, I2S.RX, I2S.MONO, I2S.STEREO)
sck, ws, sd = Pin("Y6"), Pin("Y5"), Pin("Y8")


def ms_since(t):
    return (time.ticks_diff(time.ticks_us(), t) + 500) // 1000


# blocking TX: the ring (ibuf - 1 bytes) fills at once, then drains 128 bytes per 4 ms
# (16-bit stereo at 8 kHz: 32 frames of 4 bytes per DMA half)
t = time.ticks_us()
out = I2S(2, sck=sck, ws=ws, sd=sd, mode=I2S.TX, bits=16, format=I2S.STEREO, rate=8000, ibuf=1025)
print(out)
print(out.write(bytearray(4096)), ms_since(t))
t = time.ticks_us()
print(out.write(bytearray(4096)), ms_since(t))
try:
    out.readinto(bytearray(4))
except OSError as e:
    print("OSError", e.errno)

# non-blocking TX: the DMA interrupt copies 512 bytes whenever that much ring space is free
done = []
out = I2S(2, sck=sck, ws=ws, sd=sd, mode=I2S.TX, bits=16, format=I2S.STEREO, rate=8000, ibuf=1025)
t = time.ticks_us()
out.irq(lambda i2s: done.append(ms_since(t)))
print(out.write(bytearray(2048)), ms_since(t))
while not done:
    pass
print("tx done after", done[0], "ms")
out.deinit()

# blocking RX, 32-bit mono: 16 samples are one DMA half (2 ms at 8 kHz)
mic = I2S(2, sck=sck, ws=ws, sd=sd, mode=I2S.RX, bits=32, format=I2S.MONO, rate=8000, ibuf=4096)
buf = bytearray(64)
t = time.ticks_us()
print(mic.readinto(buf), ms_since(t))
print([v >> 8 for v in struct.unpack("<16i", buf)][:8])

# 16-bit stereo: the top half of each 32-bit slot; the right slot is not driven
mic = I2S(2, sck=sck, ws=ws, sd=sd, mode=I2S.RX, bits=16, format=I2S.STEREO, rate=8000, ibuf=4096)
buf = bytearray(16)
print(mic.readinto(buf), struct.unpack("<8h", buf))
for bad in (bytearray(6), b"1234"):
    try:
        mic.readinto(bad)
    except OSError as e:
        print("OSError", e.errno)
    except TypeError:
        print("TypeError")

# non-blocking RX
got = []
mic = I2S(2, sck=sck, ws=ws, sd=sd, mode=I2S.RX, bits=32, format=I2S.STEREO, rate=8000, ibuf=4096)
buf = bytearray(8 * 32)
t = time.ticks_us()
mic.irq(lambda i2s: got.append(ms_since(t)))
print(mic.readinto(buf))
while not got:
    pass
print("rx done after", got[0], "ms", struct.unpack("<2i", buf[8:16])[0] >> 8)
try:
    mic.irq(42)
except ValueError as e:
    print("ValueError", e)
mic.deinit()

# I2S.shift(*, buf, bits, shift): samples shifted as signed integers of their width
a = array.array("h", [1, -2, 16384, -32768])
I2S.shift(buf=a, bits=16, shift=1)
print(list(a))
I2S.shift(buf=a, bits=16, shift=-2)
print(list(a))
b = array.array("i", [3, -7, 0x40000000])
I2S.shift(buf=b, bits=32, shift=-1)
print(list(b))
for kw in ({"buf": a, "bits": 24, "shift": 1}, {"buf": a, "bits": 16}):
    try:
        I2S.shift(**kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# bad construction
args = dict(sck=sck, ws=ws, sd=sd, mode=I2S.TX, bits=16, format=I2S.MONO, rate=8000, ibuf=1000)
for change in ({"id": 1}, {"id": 3}, {"sck": Pin("X1")}, {"sck": "Y6"}, {"ws": Pin("Y6")}, {"sd": Pin("Y7")},
               {"mode": 0}, {"bits": 24}, {"format": 2}, {"ibuf": 0}, {"mck": Pin("C6")}):
    kw = dict(args)
    kw.update(change)
    i = kw.pop("id", 2)
    try:
        I2S(i, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
