@testable import BoardWindow
import Foundation
import Testing

@Suite struct PNGTests {
    @Test func checksumsMatchTheirStandards() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([]) == 1)
        // Long input crosses the 5552-byte reduction boundary.
        let long = [UInt8](repeating: 0xFF, count: 100_000)
        var a: UInt64 = 1, b: UInt64 = 0
        for x in long { a = (a + UInt64(x)) % 65521; b = (b + a) % 65521 }
        #expect(Adler32.checksum(long) == UInt32(b << 16 | a))
    }

    static func samples() -> [[UInt8]] {
        var rng = SystemRandomNumberGenerator()
        let random = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let runs: [UInt8] = (0..<70_000).map { (i: Int) -> UInt8 in UInt8((i / 300) % 7) }           // long matches, far distances
        let text = Array(String(repeating: "the quick brown fox jumps over the lazy dog ", count: 200).utf8)
        let mixed: [UInt8] = (0..<40_000).map { (i: Int) -> UInt8 in
            let a = UInt8(i % 251), b = UInt8((i * 7) % 13)
            return i % 1000 < 500 ? a : b
        }
        return [[], [42], [1, 2], random, runs, text, mixed]
    }

    @Test(arguments: samples())
    func zlibStreamsInflateWithPythonZlib(_ data: [UInt8]) throws {
        let compressed = Zlib.compress(data)
        let (status, out) = try runPython(
            "import sys, zlib, hashlib; d = zlib.decompress(sys.stdin.buffer.read()); print(len(d), hashlib.sha256(d).hexdigest())",
            input: compressed)
        #expect(status == 0)
        let expected = try runPython("import sys, hashlib; d = sys.stdin.buffer.read(); print(len(d), hashlib.sha256(d).hexdigest())", input: data)
        #expect(out == expected.1)
        if data.count > 10_000 && data.count != 5000 { #expect(compressed.count < data.count / 2) }
    }

    @Test func pngDecodesToTheSamePixels() throws {
        var canvas = PixelCanvas(width: 37, height: 23, fill: Colour(10, 20, 30))
        for y in 0..<23 { for x in 0..<37 where (x * y) % 5 == 0 { canvas.pixels[y * 37 + x] = Colour(UInt8(x * 6), UInt8(y * 11), 200).argb } }
        let png = PNGEncoder.encode(canvas)
        // A minimal PNG reader: walk the chunks checking each CRC, inflate IDAT, undo filter 0.
        let script = """
        import sys, zlib, struct, hashlib
        b = sys.stdin.buffer.read()
        assert b[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        i, idat, ihdr = 8, b'', None
        while i < len(b):
            n, = struct.unpack('>I', b[i:i+4]); t = b[i+4:i+8]; d = b[i+8:i+8+n]
            crc, = struct.unpack('>I', b[i+8+n:i+12+n])
            assert zlib.crc32(t + d) == crc, t
            if t == b'IHDR': ihdr = struct.unpack('>IIBBBBB', d)
            if t == b'IDAT': idat += d
            i += 12 + n
        w, h, depth, ctype, _, _, _ = ihdr
        assert depth == 8 and ctype == 2
        raw = zlib.decompress(idat)
        rows = [raw[y*(w*3+1):(y+1)*(w*3+1)] for y in range(h)]
        assert all(r[0] == 0 for r in rows)
        print(w, h, hashlib.sha256(b''.join(r[1:] for r in rows)).hexdigest())
        """
        let (status, out) = try runPython(script, input: png)
        #expect(status == 0)
        let (_, rgbHash) = try runPython("import sys, hashlib; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())", input: canvas.rgbBytes())
        #expect(out == "37 23 \(rgbHash)")
    }

    @Test func pngcheckAcceptsAScreenshot() throws {
        let pngcheck = ["/usr/bin/pngcheck", "/usr/local/bin/pngcheck"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(pngcheck != nil, "pngcheck is not installed (apt-get install pngcheck)")
        let model = RecordingModel(layout: try pyboardLayout(), state: BoardSnapshot(leds: [1: 1, 4: 0.5], virtualTime: 3))
        let path = NSTemporaryDirectory() + "boardwindow-test-\(getpid()).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BoardWindow.writeScreenshot(model: model, path: path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pngcheck!)
        p.arguments = ["-q", path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }
}

@Suite struct HeadlessScreenshotTests {
    @Test func waitsForTheVirtualTimeThenWritesWhatTheWindowWouldShow() throws {
        let model = RecordingModel(layout: try pyboardLayout(), state: BoardSnapshot(leds: [3: 1]), timeStep: 1.0 / 32)
        let path = NSTemporaryDirectory() + "boardwindow-headless-\(getpid()).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BoardWindow.headlessScreenshot(model: model, path: path, atMs: 250)
        #expect(model.preparedScreenshots == [250])
        // Snapshots at 0, 1/32, ... 8/32 = 0.25 s: the ninth reached 250 ms and is the one drawn.
        #expect(model.state.virtualTime == 9.0 / 32)
        var ui = WindowUIState()
        let renderer = BoardRenderer(layout: model.layout)
        for s in renderer.geometry.allSliders { ui.sliderValues[s.name] = s.value }
        let expected = PNGEncoder.encode(renderer.render(BoardSnapshot(leds: [3: 1], virtualTime: 8.0 / 32), ui: ui))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }

    @Test func givesUpWhenTheClockStops() throws {
        let model = RecordingModel(layout: try pyboardLayout(), state: BoardSnapshot(virtualTime: 0.1))
        #expect(throws: BoardWindowError.self) {
            try BoardWindow.headlessScreenshot(model: model, path: "/nonexistent/x.png", atMs: 200, timeout: 0.05)
        }
    }

    @Test func unwritablePathIsAClearError() throws {
        let model = RecordingModel(layout: try pyboardLayout())
        do {
            try BoardWindow.writeScreenshot(model: model, path: "/nonexistent-dir/x.png")
            Issue.record("wrote to a missing directory")
        } catch {
            #expect("\(error)".contains("/nonexistent-dir/x.png"))
        }
    }
}
