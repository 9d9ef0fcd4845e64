import Foundation

/// The window's one-call entry points for the microboard command line.
///
///     if headless || !BoardWindow.displayAvailable() {
///         if let shot { try BoardWindow.headlessScreenshot(model: m, path: shot.path, atMs: shot.atMs) }
///     } else {
///         try BoardWindow.run(model: m, options: BoardWindowOptions(screenshot: shot))  // main thread
///     }
public enum BoardWindow {
    /// True when a window can be opened: an X11 or Wayland display is named in the environment
    /// (or SDL_VIDEODRIVER picks a driver explicitly, e.g. "offscreen").
    public static func displayAvailable(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        #if os(macOS) || os(Windows)
        return true
        #else
        for name in ["DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"] where !(environment[name] ?? "").isEmpty { return true }
        return false
        #endif
    }

    /// Opens the window and runs it at display rate until the user closes it (or the screenshot
    /// option has written its file). Call on the main thread. The board keeps running on its own
    /// thread throughout; this loop only reads snapshots and posts events.
    public static func run(model: BoardWindowModel, options: BoardWindowOptions = BoardWindowOptions()) throws {
        let session = try BoardWindowSession(model: model, options: options)
        defer { session.close() }
        if let shot = options.screenshot { model.prepareScreenshot(atMs: shot.atMs) }
        while session.pumpFrame() {}
        if let error = session.screenshotError { throw error }
    }

    /// Renders the window's picture of the board now, without a display, and writes it as PNG.
    public static func writeScreenshot(model: BoardWindowModel, path: String) throws {
        try writeScreenshot(layout: model.layout, snapshot: model.snapshot(), path: path)
    }

    /// Renders one snapshot as the window would show it (sliders at their layout values).
    public static func writeScreenshot(layout: BoardLayout, snapshot: BoardSnapshot, path: String) throws {
        let renderer = BoardRenderer(layout: layout)
        var ui = WindowUIState()
        for s in renderer.geometry.allSliders { ui.sliderValues[s.name] = s.value }
        do {
            try PNGEncoder.write(renderer.render(snapshot, ui: ui), to: path)
        } catch {
            throw BoardWindowError("cannot write screenshot \(path): \(error.localizedDescription)")
        }
    }

    /// `--headless --screenshot FILE --at-ms N`: waits (polling the snapshot every millisecond of
    /// wall time) until the board's virtual time reaches N ms, then writes what the window would
    /// show. Gives up after `timeout` seconds of wall time if the board's clock stops short.
    public static func headlessScreenshot(model: BoardWindowModel, path: String, atMs: Int, timeout: Double = 600) throws {
        let deadline = Date().addingTimeInterval(timeout)
        model.prepareScreenshot(atMs: atMs)
        var snapshot = model.snapshot()
        while snapshot.virtualTime * 1000 < Double(atMs) {
            if Date() > deadline {
                throw BoardWindowError("screenshot: the board's clock did not reach \(atMs) ms within \(timeout) s")
            }
            usleep(1000)
            snapshot = model.snapshot()
        }
        try writeScreenshot(layout: model.layout, snapshot: snapshot, path: path)
    }
}
