import Testing
@testable import MicroPythonCore

// AES key schedule and block cipher (FIPS-197), adler32 (RFC 1950 example), and the framebuf
// pixel formats on plain Swift buffers: no interpreter needed.

private func hex(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var it = s.makeIterator()
    while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16)!) }
    return out
}

@Test func aesKeyExpansionMatchesFIPS197AppendixA() {
    let k = AESKey(hex("2b7e151628aed2a6abf7158809cf4f3c"))
    #expect(k.rounds == 10)
    #expect(Array(k.roundKeys[160..<176]) == hex("d014f9a8c9ee2589e13f0cc8b6630ca6"))
    let k256 = AESKey(hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"))
    #expect(k256.rounds == 14)
    #expect(Array(k256.roundKeys[224..<240]) == hex("fe4890d1e6188d0b046df344706c631e"))
}

@Test func aesBlockRoundTrip() {
    let key = AESKey(hex("000102030405060708090a0b0c0d0e0f"))
    var b = hex("00112233445566778899aabbccddeeff")
    key.encrypt(&b)
    #expect(b == hex("69c4e0d86a7b0430d8cdb78070b4c55a"))
    key.decrypt(&b)
    #expect(b == hex("00112233445566778899aabbccddeeff"))
}

@Test func adler32OfWikipedia() {
    let data = Array("Wikipedia".utf8)
    #expect(data.withUnsafeBufferPointer { adler32Update(1, $0) } == 0x11E6_0398)
}

@Test func framebufFormatsPlacePixelsAsDocumented() {
    var buf = [UInt8](repeating: 0, count: 16)
    buf.withUnsafeMutableBufferPointer { p in
        let vlsb = FBSurface(buf: p.baseAddress!, width: 8, height: 8, stride: 8, format: .monoVLSB)
        vlsb.set(2, 3, 1)
        #expect(p[2] == 1 << 3)
        #expect(vlsb.get(2, 3) == 1 && vlsb.get(2, 4) == 0)
    }
    buf = [UInt8](repeating: 0, count: 16)
    buf.withUnsafeMutableBufferPointer { p in
        let hlsb = FBSurface(buf: p.baseAddress!, width: 16, height: 8, stride: 16, format: .monoHLSB)
        hlsb.set(1, 1, 1)
        #expect(p[2] == 0x40)
        let hmsb = FBSurface(buf: p.baseAddress!, width: 16, height: 8, stride: 16, format: .monoHMSB)
        hmsb.set(9, 0, 1)
        #expect(p[1] == 0x02)
        let gs4 = FBSurface(buf: p.baseAddress!, width: 4, height: 1, stride: 4, format: .gs4HMSB)
        gs4.set(0, 0, 0xA)
        gs4.set(1, 0, 0x5)
        #expect(p[0] == 0xA5)
        let rgb = FBSurface(buf: p.baseAddress!, width: 2, height: 1, stride: 2, format: .rgb565)
        rgb.set(1, 0, 0xF81F)
        #expect(p[2] == 0x1F && p[3] == 0xF8)
    }
}

@Test func framebufLineCoversBothEnds() throws {
    var buf = [UInt8](repeating: 0, count: 100)
    try buf.withUnsafeMutableBufferPointer { p in
        let s = FBSurface(buf: p.baseAddress!, width: 10, height: 10, stride: 10, format: .gs8)
        try s.line(0, 0, 9, 3, 1)
        #expect(p[0] == 1 && p[3 * 10 + 9] == 1)
        #expect(p.reduce(0) { $0 + Int($1) } == 10)   // one pixel per column of the major axis
    }
}
