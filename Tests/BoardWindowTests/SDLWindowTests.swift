import BoardWindow
import CSDL2
import Foundation
import Testing

/// Real SDL windows: on the X display when there is one (CI runs these under xvfb-run), else on
/// SDL's offscreen video driver, so the window code path runs either way.
@Suite(.serialized) struct SDLWindowTests {
    init() {
        if !BoardWindow.displayAvailable() { setenv("SDL_VIDEODRIVER", "offscreen", 1) }
    }

    static func push(_ type: SDL_EventType, x: Double, y: Double) {
        var e = SDL_Event()
        e.type = type.rawValue
        e.button.button = UInt8(SDL_BUTTON_LEFT)
        e.button.state = UInt8(type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED)
        e.button.clicks = 1
        e.button.x = Int32(x)
        e.button.y = Int32(y)
        #expect(SDL_PushEvent(&e) == 1)
    }

    static func pushKey(_ type: SDL_EventType, _ ch: Character) {
        var e = SDL_Event()
        e.type = type.rawValue
        e.key.state = UInt8(type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED)
        e.key.keysym.sym = SDL_Keycode(ch.asciiValue!)
        #expect(SDL_PushEvent(&e) == 1)
    }

    @Test func clickingUSRInTheWindowReachesTheBoard() throws {
        let model = RecordingModel(layout: try pyboardLayout(), state: BoardSnapshot(leds: [2: 1]), timeStep: 0.001)
        let session = try BoardWindowSession(model: model, options: BoardWindowOptions(vsync: false))
        defer { session.close() }
        let driver = String(cString: SDL_GetCurrentVideoDriver())
        #expect(["x11", "wayland", "offscreen"].contains(driver))
        #expect(session.pumpFrame())
        let usr = try #require(session.renderer.geometry.buttonRect("USR"))
        Self.push(SDL_MOUSEBUTTONDOWN, x: usr.midX, y: usr.midY)
        #expect(session.pumpFrame())
        #expect(model.events == [.button("USR", pressed: true)])
        #expect(session.input.ui.pressedButtons == ["USR"])
        Self.push(SDL_MOUSEBUTTONUP, x: usr.midX, y: usr.midY)
        #expect(session.pumpFrame())
        #expect(model.events == [.button("USR", pressed: true), .button("USR", pressed: false)])

        // The same through the keyboard.
        Self.pushKey(SDL_KEYDOWN, "u")
        #expect(session.pumpFrame())
        Self.pushKey(SDL_KEYUP, "u")
        #expect(session.pumpFrame())
        #expect(model.events.suffix(2) == [.button("USR", pressed: true), .button("USR", pressed: false)])

        // Closing the window is a quit.
        var quit = SDL_Event()
        quit.type = SDL_QUIT.rawValue
        SDL_PushEvent(&quit)
        #expect(!session.pumpFrame())
        #expect(model.events.last == .quit)
    }

    @Test func unchangedFramesAreNotRedrawn() throws {
        let model = RecordingModel(layout: try pyboardLayout(), state: BoardSnapshot(virtualTime: 1, paused: true))
        let session = try BoardWindowSession(model: model, options: BoardWindowOptions(maxFramesPerSecond: 1000, vsync: false))
        defer { session.close() }
        for _ in 0..<3 { #expect(session.pumpFrame()) }
        let drawn = session.framesDrawn
        #expect(drawn >= 1 && drawn < 3)
        for _ in 0..<3 { #expect(session.pumpFrame()) }
        #expect(session.framesDrawn == drawn)
        Self.pushKey(SDL_KEYDOWN, "u")  // the button drawn pressed is a change
        #expect(session.pumpFrame())
        #expect(session.framesDrawn == drawn + 1)
        model.state.leds[3] = 1  // so is a change on the board
        #expect(session.pumpFrame())
        #expect(session.framesDrawn == drawn + 2)
    }

    @Test func windowShowsWhatTheRendererDraws() throws {
        var layout = try pyboardLayout()
        layout.panels.insert(.display(name: "oled", title: "SSD1306", width: 128, height: 64, pixelScale: 2, colour: Colour(0x9F, 0xE8, 0xFF)), at: 0)
        var fb = MonoFramebuffer()
        for i in 0..<64 { fb.setPixel(i * 2, i, true) }
        let snap = BoardSnapshot(leds: [1: 1, 3: 0.5], virtualTime: 0.5, heapUsed: 4096, heapTotal: 102_400, displays: ["oled": fb])
        let model = RecordingModel(layout: layout, state: snap)
        let path = NSTemporaryDirectory() + "boardwindow-window-\(getpid()).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try BoardWindowSession(model: model, options: BoardWindowOptions(
            screenshot: .init(path: path, atMs: 400), quitAfterScreenshot: false, vsync: false))
        defer { session.close() }
        #expect(session.pumpFrame())
        #expect(session.screenshotWritten)
        #expect(session.screenshotError == nil)
        // Pixels read back from SDL equal the renderer's, so the PNGs are byte for byte the same.
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let expected = PNGEncoder.encode(session.renderer.render(snap, ui: session.input.ui))
        #expect(written == expected)
    }

    @Test func runWritesTheScreenshotAtTheVirtualTimeAndQuits() throws {
        let model = RecordingModel(layout: try pyboardLayout(), state: BoardSnapshot(leds: [4: 1]), timeStep: 1.0 / 64)
        let path = NSTemporaryDirectory() + "boardwindow-run-\(getpid()).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BoardWindow.run(model: model, options: BoardWindowOptions(screenshot: .init(path: path, atMs: 125), maxFramesPerSecond: 200, vsync: false))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(model.preparedScreenshots == [125])
        #expect(model.events == [.quit])
        // Time advanced 1/64 s per frame: the shot was taken at the 9th snapshot (t = 0.125 s), the last.
        #expect(model.state.virtualTime == 9.0 / 64)
    }
}
