// Development demo for the board window: a scripted stand-in for the board (no interpreter)
// drives the LEDs, an SSD1306 panel and the status line, and prints every event the window
// posts. Usage:
//   board-window-demo [--layout boards/pyboard-v11/layout.json] [--no-oled] [--headless]
//                     [--screenshot FILE.png --at-ms N] [--bench FRAMES]
import BoardWindow
import Foundation

final class DemoBoard: BoardWindowModel {
    let title: String
    let layout: BoardLayout
    private let lock = NSLock()
    private var start = Date()
    private var pausedAt: Double?
    private var offset = 0.0
    private var usr = false
    private var sliders: [String: Double] = [:]

    init(layout: BoardLayout) {
        self.layout = layout
        title = "microboard — \(layout.name) (demo)"
        for panel in layout.panels {
            if case .sliders(_, _, let s) = panel { for slider in s { sliders[slider.name] = slider.value } }
        }
    }

    private func now() -> Double { pausedAt ?? (Date().timeIntervalSince(start) + offset) }

    func snapshot() -> BoardSnapshot {
        lock.lock(); defer { lock.unlock() }
        let t = now()
        let x = sliders["accel.x"] ?? 0, y = sliders["accel.y"] ?? 0
        var leds: [Int: Double] = [:]
        leds[1] = usr ? 1 : 0
        leds[2] = Int(t * 2) % 2 == 0 ? 1 : 0
        leds[3] = 0.5 + 0.5 * sin(t * 2 * .pi / 3)
        leds[4] = min(1, abs(x) / 1.5)
        var fb = MonoFramebuffer()
        for i in 0..<128 { fb.setPixel(i, 0, true); fb.setPixel(i, 63, true) }
        for j in 0..<64 { fb.setPixel(0, j, true); fb.setPixel(127, j, true) }
        // A horizon tilted by the accelerometer sliders, and a moving dot.
        for i in 0..<128 {
            let h = 32 + Int((Double(i - 64) * x / 1.5 * 0.8 + y * 16).rounded())
            fb.setPixel(i, h, true)
        }
        let bx = Int(64 + 50 * sin(t * 1.7)), by = Int(32 + 20 * cos(t * 1.3))
        for dy in -2...2 { for dx in -2...2 where dx * dx + dy * dy <= 5 { fb.setPixel(bx + dx, by + dy, true) } }
        var displays: [String: MonoFramebuffer] = [:]
        displays["oled"] = fb
        return BoardSnapshot(leds: leds, virtualTime: t, speedPercent: pausedAt == nil ? 100 : 0,
                             heapUsed: 20_480 + Int(t * 1000) % 40_000, heapTotal: 102_400, clockMode: "realtime",
                             paused: pausedAt != nil, displays: displays)
    }

    func post(_ event: BoardWindowEvent) {
        lock.lock()
        switch event {
        case .button("USR", let pressed): usr = pressed
        case .slider(let name, let value): sliders[name] = value
        case .pauseToggle:
            if let p = pausedAt { offset = p - Date().timeIntervalSince(start); pausedAt = nil } else { pausedAt = now() }
        case .step:
            if let p = pausedAt { pausedAt = p + 0.01 }
        case .reset: start = Date(); offset = 0; if pausedAt != nil { pausedAt = 0 }
        default: break
        }
        lock.unlock()
        FileHandle.standardOutput.write(Data("event: \(event)\n".utf8))
    }
}

let args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let layoutPath = option("--layout") ?? "boards/pyboard-v11/layout.json"
do {
    var layout = try BoardLayout.decode(json: String(contentsOfFile: layoutPath, encoding: .utf8))
    if !args.contains("--no-oled") {
        layout.panels.insert(.display(name: "oled", title: "SSD1306 128x64 (I2C 0x3C)", width: 128, height: 64,
                                      pixelScale: 2, colour: Colour(0x9F, 0xE8, 0xFF)), at: 0)
    }
    let board = DemoBoard(layout: layout)
    if let n = option("--bench").flatMap({ Int($0) }) {
        // Offscreen render cost per frame (what the window loop spends before SDL's upload).
        let renderer = BoardRenderer(layout: layout)
        let t0 = Date()
        var ink = 0
        let snap = board.snapshot()
        for _ in 0..<n { ink &+= Int(renderer.render(snap).pixels[n % 1000]) }
        print(String(format: "%.3f ms per frame (%d frames, %dx%d)", Date().timeIntervalSince(t0) * 1000 / Double(n), n, renderer.width, renderer.height), ink == 1 ? "" : "")
        exit(0)
    }
    var shot: BoardWindowOptions.Screenshot?
    if let path = option("--screenshot") { shot = .init(path: path, atMs: Int(option("--at-ms") ?? "0") ?? 0) }
    if args.contains("--headless") || !BoardWindow.displayAvailable() {
        guard let shot else { print("headless: nothing to show (give --screenshot FILE --at-ms N)"); exit(0) }
        try BoardWindow.headlessScreenshot(model: board, path: shot.path, atMs: shot.atMs)
    } else {
        try BoardWindow.run(model: board, options: BoardWindowOptions(screenshot: shot))
    }
} catch {
    FileHandle.standardError.write(Data("board-window-demo: \(error)\n".utf8))
    exit(1)
}
