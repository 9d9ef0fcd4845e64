// Turns pointer and key input into board events. It knows nothing of SDL (the SDL loop feeds it
// window coordinates and key names), so it can be driven directly in tests.
//
// A board button is held while the mouse button that pressed it is down, or while its key is
// down; the press event goes out when the first of these starts and the release when the last
// one ends, so mouse and key together never send a release early.

public enum WindowKey: Equatable, Sendable {
    case character(Character)
    case space
    case escape
    case f5
}

public final class WindowInput {
    public let geometry: WindowGeometry
    private unowned let model: BoardWindowModel
    public private(set) var ui = WindowUIState()
    private var mouseButton: String?
    /// The display panel the mouse is touching, and the pixel it last reported.
    private var touching: (name: String, x: Int, y: Int)?
    private var keyButtons: Set<String> = []
    public private(set) var quitRequested = false

    public init(model: BoardWindowModel, geometry: WindowGeometry) {
        self.model = model
        self.geometry = geometry
        for s in geometry.allSliders { ui.sliderValues[s.name] = s.value }
    }

    public func mouseDown(x: Double, y: Double) {
        switch geometry.hit(x, y) {
        case .button(let name)?:
            guard mouseButton == nil else { return }
            mouseButton = name
            update(name)
        case .slider(let name)?:
            ui.draggingSlider = name
            moveSlider(name, x: x)
        case .display(let name, let px, let py)?:
            touching = (name, px, py)
            model.post(.touch(name, x: px, y: py, pressed: true))
        case nil:
            break
        }
    }

    public func mouseMove(x: Double, y: Double) {
        if let name = ui.draggingSlider { moveSlider(name, x: x) }
        if let t = touching, let p = geometry.clampedDisplayPixel(t.name, x, y), p.x != t.x || p.y != t.y {
            touching = (t.name, p.x, p.y)
            model.post(.touch(t.name, x: p.x, y: p.y, pressed: true))
        }
    }

    public func mouseUp(x: Double, y: Double) {
        if let name = mouseButton {
            mouseButton = nil
            update(name)
        }
        ui.draggingSlider = nil
        if let t = touching {
            touching = nil
            model.post(.touch(t.name, x: t.x, y: t.y, pressed: false))
        }
    }

    public func keyDown(_ key: WindowKey, isRepeat: Bool = false) {
        guard !isRepeat else { return }
        switch key {
        case .character(let ch):
            let lower = Character(ch.lowercased())
            if let button = buttonForKey(lower) {
                keyButtons.insert(button)
                update(button)
            } else if lower == "n" {
                model.post(.step)
            } else if lower == "s" {
                model.post(.sdCardToggle)
            }
        case .space: model.post(.pauseToggle)
        case .f5: model.post(.reset)
        case .escape: requestQuit()
        }
    }

    public func keyUp(_ key: WindowKey) {
        guard case .character(let ch) = key, let button = buttonForKey(Character(ch.lowercased())) else { return }
        keyButtons.remove(button)
        update(button)
    }

    /// The window was closed.
    public func requestQuit() {
        guard !quitRequested else { return }
        quitRequested = true
        // Let go of anything held so the board does not stay with a button down.
        for name in ui.pressedButtons.sorted() { model.post(.button(name, pressed: false)) }
        ui.pressedButtons.removeAll()
        model.post(.quit)
    }

    private func buttonForKey(_ ch: Character) -> String? {
        geometry.layout.buttons.first { $0.key.map { Character($0.lowercased()) } == ch }?.name
    }

    /// Sends a press or release if the button's held state changed.
    private func update(_ name: String) {
        let held = mouseButton == name || keyButtons.contains(name)
        let was = ui.pressedButtons.contains(name)
        guard held != was else { return }
        if held { ui.pressedButtons.insert(name) } else { ui.pressedButtons.remove(name) }
        model.post(.button(name, pressed: held))
    }

    private func moveSlider(_ name: String, x: Double) {
        guard let value = geometry.sliderValue(name, atX: x) else { return }
        // Two decimals is finer than the MMA7660's 1/21.33 g steps and keeps events few.
        let rounded = (value * 100).rounded() / 100
        guard ui.sliderValues[name] != rounded else { return }
        ui.sliderValues[name] = rounded
        model.post(.slider(name, rounded))
    }
}
