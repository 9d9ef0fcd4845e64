import CSDL2
import Foundation

/// Options for the SDL window.
public struct BoardWindowOptions: Sendable {
    /// Write a PNG of what the window shows once the board's virtual time reaches `atMs`.
    public struct Screenshot: Sendable, Equatable {
        public var path: String
        public var atMs: Int
        public init(path: String, atMs: Int) { self.path = path; self.atMs = atMs }
    }

    public var screenshot: Screenshot?
    /// Close the window (posting `.quit`) once the screenshot is written.
    public var quitAfterScreenshot: Bool
    /// Upper bound on redraws per second when vsync does not pace the loop (e.g. under Xvfb).
    public var maxFramesPerSecond: Double
    public var vsync: Bool

    public init(screenshot: Screenshot? = nil, quitAfterScreenshot: Bool = true, maxFramesPerSecond: Double = 60, vsync: Bool = true) {
        self.screenshot = screenshot
        self.quitAfterScreenshot = quitAfterScreenshot
        self.maxFramesPerSecond = maxFramesPerSecond
        self.vsync = vsync
    }
}

public struct BoardWindowError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
    static func sdl(_ what: String) -> BoardWindowError {
        BoardWindowError("\(what): \(String(cString: SDL_GetError()))")
    }
}

/// One open SDL window showing a board. `BoardWindow.run` drives it until quit; tests drive it
/// frame by frame. SDL wants its video calls on one thread (the main thread on macOS): create,
/// pump and close the session on the same thread.
public final class BoardWindowSession {
    public let renderer: BoardRenderer
    public let input: WindowInput
    public private(set) var framesDrawn = 0
    /// Set once the screenshot has been written.
    public private(set) var screenshotWritten = false
    public private(set) var screenshotError: BoardWindowError?

    private let model: BoardWindowModel
    private let options: BoardWindowOptions
    private var window: OpaquePointer?
    private var sdlRenderer: OpaquePointer?
    private var texture: OpaquePointer?
    private var lastFrameTicks: UInt64 = 0
    /// What the last presented frame showed; an identical next frame is not redrawn.
    private var shown: (BoardSnapshot, WindowUIState)?

    // SDL_WINDOWPOS_CENTERED is a function-like macro, which Swift does not import.
    private static let windowPosCentered: Int32 = 0x2FFF_0000

    public init(model: BoardWindowModel, options: BoardWindowOptions = BoardWindowOptions()) throws {
        self.model = model
        self.options = options
        renderer = BoardRenderer(layout: model.layout)
        input = WindowInput(model: model, geometry: renderer.geometry)

        guard SDL_InitSubSystem(SDL_INIT_VIDEO) == 0 else { throw BoardWindowError.sdl("cannot open the window (SDL video)") }
        let w = Int32(renderer.width), h = Int32(renderer.height)
        window = SDL_CreateWindow(model.title, Self.windowPosCentered, Self.windowPosCentered, w, h,
                                  SDL_WINDOW_SHOWN.rawValue | SDL_WINDOW_RESIZABLE.rawValue | SDL_WINDOW_ALLOW_HIGHDPI.rawValue)
        guard window != nil else { let e = BoardWindowError.sdl("SDL_CreateWindow"); close(); throw e }
        var flags = SDL_RENDERER_ACCELERATED.rawValue
        if options.vsync { flags |= SDL_RENDERER_PRESENTVSYNC.rawValue }
        sdlRenderer = SDL_CreateRenderer(window, -1, flags)
        if sdlRenderer == nil { sdlRenderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE.rawValue) }
        guard sdlRenderer != nil else { let e = BoardWindowError.sdl("SDL_CreateRenderer"); close(); throw e }
        // Resizing (or a HiDPI screen) scales the picture; mouse coordinates come back in window units.
        SDL_RenderSetLogicalSize(sdlRenderer, w, h)
        texture = SDL_CreateTexture(sdlRenderer, SDL_PIXELFORMAT_ARGB8888.rawValue, Int32(SDL_TEXTUREACCESS_STREAMING.rawValue), w, h)
        guard texture != nil else { let e = BoardWindowError.sdl("SDL_CreateTexture"); close(); throw e }
    }

    deinit { close() }

    /// Handles pending input, draws one frame and paces the loop. Returns false once the user
    /// (or the screenshot option) has closed the window.
    @discardableResult
    public func pumpFrame() -> Bool {
        guard window != nil else { return false }
        var event = SDL_Event()
        while SDL_PollEvent(&event) != 0 { handle(event) }
        if input.quitRequested || model.isFinished { return false }

        let snapshot = model.snapshot()
        let screenshotDue = options.screenshot.map { !screenshotWritten && snapshot.virtualTime * 1000 >= Double($0.atMs) } ?? false
        if let (s, ui) = shown, s == snapshot, ui == input.ui, !screenshotDue {
            // Nothing changed (a paused or stopped board): skip the upload and present.
            pace()
            return true
        }
        shown = (snapshot, input.ui)
        let canvas = renderer.render(snapshot, ui: input.ui)
        canvas.pixels.withUnsafeBytes { raw in
            _ = SDL_UpdateTexture(texture, nil, raw.baseAddress, Int32(canvas.width * 4))
        }
        SDL_SetRenderDrawColor(sdlRenderer, 0x1E, 0x20, 0x24, 0xFF)
        SDL_RenderClear(sdlRenderer)
        SDL_RenderCopy(sdlRenderer, texture, nil, nil)
        if let shot = options.screenshot, screenshotDue {
            takeScreenshot(shot.path)
            if options.quitAfterScreenshot { input.requestQuit() }
        }
        SDL_RenderPresent(sdlRenderer)
        framesDrawn += 1
        pace()
        return !input.quitRequested
    }

    /// What the window shows now, read back from SDL's renderer.
    public func readWindowPixels() throws -> PixelCanvas {
        var w: Int32 = 0, h: Int32 = 0
        guard SDL_GetRendererOutputSize(sdlRenderer, &w, &h) == 0, w > 0, h > 0 else { throw BoardWindowError.sdl("SDL_GetRendererOutputSize") }
        var canvas = PixelCanvas(width: Int(w), height: Int(h))
        let status = canvas.pixels.withUnsafeMutableBytes { raw in
            SDL_RenderReadPixels(sdlRenderer, nil, SDL_PIXELFORMAT_ARGB8888.rawValue, raw.baseAddress, w * 4)
        }
        guard status == 0 else { throw BoardWindowError.sdl("SDL_RenderReadPixels") }
        for i in canvas.pixels.indices { canvas.pixels[i] |= 0xFF00_0000 }
        return canvas
    }

    public func close() {
        if let texture { SDL_DestroyTexture(texture) }
        if let sdlRenderer { SDL_DestroyRenderer(sdlRenderer) }
        if let window { SDL_DestroyWindow(window) }
        let wasOpen = window != nil
        texture = nil; sdlRenderer = nil; window = nil
        if wasOpen { SDL_QuitSubSystem(SDL_INIT_VIDEO) }
    }

    private func takeScreenshot(_ path: String) {
        screenshotWritten = true
        do {
            try PNGEncoder.write(try readWindowPixels(), to: path)
        } catch let error as BoardWindowError {
            screenshotError = error
        } catch {
            screenshotError = BoardWindowError("cannot write screenshot \(path): \(error.localizedDescription)")
        }
    }

    private func handle(_ event: SDL_Event) {
        switch SDL_EventType(event.type) {
        case SDL_QUIT:
            input.requestQuit()
        case SDL_WINDOWEVENT:
            shown = nil  // exposed, resized, ...: draw the next frame in full
        case SDL_MOUSEBUTTONDOWN where event.button.button == UInt8(SDL_BUTTON_LEFT):
            input.mouseDown(x: Double(event.button.x), y: Double(event.button.y))
        case SDL_MOUSEBUTTONUP where event.button.button == UInt8(SDL_BUTTON_LEFT):
            input.mouseUp(x: Double(event.button.x), y: Double(event.button.y))
        case SDL_MOUSEMOTION:
            input.mouseMove(x: Double(event.motion.x), y: Double(event.motion.y))
        case SDL_KEYDOWN:
            if let key = Self.key(event.key.keysym.sym) { input.keyDown(key, isRepeat: event.key.`repeat` != 0) }
        case SDL_KEYUP:
            if let key = Self.key(event.key.keysym.sym) { input.keyUp(key) }
        default:
            break
        }
    }

    static func key(_ sym: SDL_Keycode) -> WindowKey? {
        switch sym {
        case SDL_Keycode(SDLK_SPACE.rawValue): return .space
        case SDL_Keycode(SDLK_ESCAPE.rawValue): return .escape
        case SDL_Keycode(SDLK_F5.rawValue): return .f5
        case 0x21...0x7E: return .character(Character(Unicode.Scalar(UInt8(sym))))
        default: return nil
        }
    }

    /// Keeps to maxFramesPerSecond when the renderer does not wait for vsync.
    private func pace() {
        let frameMs = 1000 / max(1, options.maxFramesPerSecond)
        let now = SDL_GetTicks64()
        let elapsed = Double(now &- lastFrameTicks)
        if lastFrameTicks != 0, elapsed < frameMs { SDL_Delay(UInt32(frameMs - elapsed)) }
        lastFrameTicks = SDL_GetTicks64()
    }
}
