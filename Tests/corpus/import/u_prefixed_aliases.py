# MicroPython still accepts the u-prefixed module names; uasyncio is the asyncio package itself
import uasyncio, asyncio, uarray, uerrno, uhashlib, uheapq, urandom, usys, ujson, ustruct, ubinascii
print(uasyncio is asyncio)
print(uarray.array('h', [1, 2]), uerrno.ENOENT, uheapq.nsmallest if hasattr(uheapq, 'nsmallest') else 'heapq')
print(ujson.dumps([1]), ustruct.pack('<H', 258), ubinascii.hexlify(b'\x01'), usys.byteorder)
async def main():
    await uasyncio.sleep_ms(1)
    return 'ran'
print(uasyncio.run(main()))
import uctypes
print(uctypes.sizeof({'a': uctypes.SHORT | 0, 'b': uctypes.INT | 4, 'c': uctypes.LONGLONG | 8}))
