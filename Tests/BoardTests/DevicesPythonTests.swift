import Testing
@testable import Board

/// machine.I2C / SoftI2C / SPI and pyb.Accel driven from Python programs.
@Suite(.serialized) struct DevicesPythonTests {
    @Test func i2cControllerAPI() throws {
        let out = try DevicesPython.run("""
            import devices_machine as machine
            i2c = machine.I2C(1)
            print(i2c.scan())
            print(machine.I2C('X').scan() == i2c.scan())
            try:
                i2c.writeto(0x42, b'x')
            except OSError as e:
                print('OSError', e.args[0])
            try:
                i2c.readfrom(0x42, 1)
            except OSError as e:
                print('OSError', e.args[0])
            # EEPROM: 16-bit memory addresses, write cycle polled by ACK.
            i2c.writeto_mem(0x50, 0x0102, b'hello', addrsize=16)
            n = 0
            while True:
                try:
                    i2c.writeto(0x50, b'')
                    break
                except OSError:
                    n += 1
            print(n > 0, i2c.readfrom_mem(0x50, 0x0102, 5, addrsize=16))
            buf = bytearray(3)
            i2c.readfrom_mem_into(0x50, 0x0103, buf, addrsize=16)
            print(buf)
            print(i2c.writeto(0x50, bytearray([0, 0x10]), False), i2c.readfrom(0x50, 2))
            print(i2c.writevto(0x3c, [b'\\x00', b'\\xaf']))
            # Primitives: the stm32 hardware I2C has none; SoftI2C on the same pins does.
            try:
                i2c.start()
            except OSError as e:
                print(e)
            soft = machine.SoftI2C('X9', 'X10')
            soft.start()
            print(soft.write(bytes([0x50 << 1, 0x01, 0x03])))
            soft.start()
            soft.write(bytes([0x50 << 1 | 1]))
            b = bytearray(2)
            soft.readinto(b)
            soft.stop()
            print(b)
            try:
                machine.I2C(7)
            except ValueError as e:
                print('ValueError', e)
            """) { buses in
            let clock = DevicesPython.wallClock()
            let bus = I2CBus(name: "i2c1")
            try bus.attach(EEPROM24LC256(address: 0x50, clock: clock))
            try bus.attach(SSD1306I2C(address: 0x3C))
            buses.i2c[1] = bus
            buses.i2cNames["X"] = 1
            buses.softI2CBus = { scl, sda in scl == "X9" && sda == "X10" ? bus : nil }
        }
        #expect(out == """
            [60, 80]
            True
            OSError 19
            OSError 19
            True b'hello'
            bytearray(b'ell')
            2 b'\\xff\\xff'
            2
            I2C operation not supported
            3
            bytearray(b'el')
            ValueError I2C(7) doesn't exist

            """)
    }

    @Test func bme280ReadLikeADriver() throws {
        let out = try DevicesPython.run("""
            import devices_machine as machine
            import struct, time
            i2c = machine.SoftI2C('X9', 'X10')
            a = i2c.readfrom_mem(0x76, 0x88, 26)
            e = i2c.readfrom_mem(0x76, 0xE1, 7)
            T1, T2, T3, P1, P2, P3, P4, P5, P6, P7, P8, P9, _, H1 = struct.unpack('<HhhHhhhhhhhhBB', a)
            H2, H3, H4, H5, H6 = struct.unpack('<hBbhb', e)
            H4 = H4 * 16 + (H5 & 0xF)
            H5 //= 16
            i2c.writeto_mem(0x76, 0xF2, b'\\x04')
            i2c.writeto_mem(0x76, 0xF4, bytes([4 << 5 | 4 << 2 | 1]))
            while i2c.readfrom_mem(0x76, 0xF3, 1)[0] & 0x08:
                time.sleep_ms(5)
            r = bytearray(8)
            i2c.readfrom_mem_into(0x76, 0xF7, r)
            rp = (r[0] << 16 | r[1] << 8 | r[2]) >> 4
            rt = (r[3] << 16 | r[4] << 8 | r[5]) >> 4
            rh = r[6] << 8 | r[7]
            v1 = (rt / 16384 - T1 / 1024) * T2
            v2 = rt / 131072 - T1 / 8192
            v2 = v2 * v2 * T3
            t_fine = int(v1 + v2)
            t = (v1 + v2) / 5120
            v1 = t_fine / 2 - 64000
            v2 = v1 * v1 * P6 / 32768 + v1 * P5 * 2
            v2 = v2 / 4 + P4 * 65536
            v1 = (P3 * v1 * v1 / 524288 + P2 * v1) / 524288
            v1 = (1 + v1 / 32768) * P1
            p = ((1048576 - rp) - v2 / 4096) * 6250 / v1
            p = p + (P9 * p * p / 2147483648 + p * P8 / 32768 + P7) / 16
            h = t_fine - 76800
            h = (rh - (H4 * 64 + H5 / 16384 * h)) * (H2 / 65536 * (1 + H6 / 67108864 * h * (1 + H3 / 67108864 * h)))
            h = h * (1 - H1 * h / 524288)
            print('%.2f %.0f %.1f' % (t, p, h))
            """) { buses in
            let bus = I2CBus(name: "i2c1")
            let bme = BME280(address: 0x76, clock: DevicesPython.wallClock())
            try bme.set("temperature", 19.87)
            try bme.set("pressure", 98_765)
            try bme.set("humidity", 55.5)
            try bus.attach(bme)
            buses.softI2CBus = { scl, sda in scl == "X9" && sda == "X10" ? bus : nil }
        }
        #expect(out == "19.87 98765 55.5\n")
    }

    @Test func pybAccel() throws {
        var chip: MMA7660?
        let out = try DevicesPython.run("""
            import devices_pyb as pyb
            a = pyb.Accel()
            print(a.x(), a.y(), a.z(), a.tilt())
            print(a.filtered_xyz())
            print(a.filtered_xyz())
            print(a.read(7), a is pyb.Accel())
            a.write(7, 0)
            print(a.read(7))
            """) { buses in
            let clock = ManualClock()
            let bus = I2CBus(name: "i2c1")
            let acc = MMA7660(address: 0x4C, clock: clock.closure)
            acc.setRaw(x: 3, y: -4, z: 21)
            try bus.attach(acc)
            buses.i2c[1] = bus
            buses.delay = { clock.t += $0 }
            chip = acc
        }
        #expect(out == "3 -4 21 1\n(3, -4, 21)\n(6, -8, 42)\n1 True\n0\n")
        #expect(chip?.active == false)
        let missing = DevicesPython.run("""
            import devices_pyb as pyb
            try:
                pyb.Accel()
            except OSError as e:
                print(e)
            """) { buses in buses.i2c[1] = I2CBus(name: "i2c1") }
        #expect(missing == "accelerometer not found\n")
    }

    @Test func spiTransfers() throws {
        var spiBus: SPIBus?
        let out = try DevicesPython.run("""
            import devices_machine as machine
            spi = machine.SPI(1, baudrate=1000000, polarity=0, phase=0)
            buf = bytearray(4)
            spi.write_readinto(b'\\x9f\\x00\\x00\\x00', buf)
            print(buf.hex())
            print(spi.read(2, 0xFF).hex(), machine.SPI.MSB, machine.SPI.LSB)
            lsb = machine.SPI(1, firstbit=machine.SPI.LSB)
            try:
                spi.write_readinto(b'12', bytearray(3))
            except ValueError as e:
                print('ValueError')
            """) { buses in
            let bus = SPIBus(name: "spi1")
            try bus.attach(SPIFlash(clock: { 0 }), chipSelect: "X5")
            bus.setChipSelect("X5", level: false)  // the program's CS pin, held low
            buses.spi[1] = bus
            spiBus = bus
        }
        #expect(out == "ffef4016\nffff 0 128\nValueError\n")
        #expect(spiBus?.isSelected("X5") == true)
    }
}
