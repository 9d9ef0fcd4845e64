# onewire: the 1-Wire bus on one pin, over the _onewire slot primitives.
# OneWire(pin) puts the pin in open-drain mode with its pull-up. ROM codes are 8-byte
# buffers, least significant byte (the family code) first.

import _onewire


class OneWireError(Exception):
    pass


class OneWire:
    SEARCH_ROM = 0xF0
    MATCH_ROM = 0x55
    SKIP_ROM = 0xCC

    def __init__(self, pin):
        self.pin = pin
        pin.init(pin.OPEN_DRAIN, pin.PULL_UP)

    def reset(self, required=False):
        present = _onewire.reset(self.pin)
        if required and not present:
            raise OneWireError
        return present

    def readbit(self):
        return _onewire.readbit(self.pin)

    def readbyte(self):
        return _onewire.readbyte(self.pin)

    def readinto(self, buf):
        for i in range(len(buf)):
            buf[i] = _onewire.readbyte(self.pin)

    def writebit(self, value):
        return _onewire.writebit(self.pin, value)

    def writebyte(self, value):
        return _onewire.writebyte(self.pin, value)

    def write(self, buf):
        for b in buf:
            _onewire.writebyte(self.pin, b)

    def select_rom(self, rom):
        self.reset()
        self.writebyte(self.MATCH_ROM)
        self.write(rom)

    def crc8(self, data):
        return _onewire.crc8(data)

    def scan(self):
        # the ROM search: each pass follows one branch of the binary tree of ROM codes, taking
        # the 1 branch at the deepest discrepancy left from the previous pass
        devices = []
        last_fork = 65
        rom = bytearray(8)
        while True:
            found, last_fork = self._search_pass(rom, last_fork)
            if not found:
                break
            if _onewire.crc8(rom) == 0:
                devices.append(bytes(rom))
            if last_fork == 0:
                break
        return devices

    def _search_pass(self, rom, prev_fork):
        if not self.reset():
            return False, 0
        self.writebyte(self.SEARCH_ROM)
        fork = 0
        for i in range(64):
            byte, bit = i >> 3, 1 << (i & 7)
            b = self.readbit()
            nb = self.readbit()
            if b and nb:
                return False, 0          # nobody answered
            if b != nb:
                choice = b               # every device agrees
            elif i + 1 < prev_fork:
                choice = 1 if rom[byte] & bit else 0
                if not choice:
                    fork = i + 1
            elif i + 1 == prev_fork:
                choice = 1
            else:
                choice = 0
                fork = i + 1
            if choice:
                rom[byte] |= bit
            else:
                rom[byte] &= ~bit & 0xFF
            self.writebit(choice)
        return True, fork
