import BoardWindow
import Foundation
import Testing

@Suite struct InputTests {
    func setUp() throws -> (RecordingModel, WindowInput) {
        let model = RecordingModel(layout: try pyboardLayout())
        return (model, WindowInput(model: model, geometry: WindowGeometry(layout: model.layout)))
    }

    @Test func clickingUSRHoldsItUntilRelease() throws {
        let (model, input) = try setUp()
        let usr = try #require(input.geometry.buttonRect("USR"))
        input.mouseDown(x: usr.midX, y: usr.midY)
        #expect(model.events == [.button("USR", pressed: true)])
        #expect(input.ui.pressedButtons == ["USR"])
        input.mouseMove(x: usr.midX + 200, y: usr.midY)   // still held while dragging off it
        #expect(model.events.count == 1)
        input.mouseUp(x: usr.midX + 200, y: usr.midY)
        #expect(model.events == [.button("USR", pressed: true), .button("USR", pressed: false)])
        #expect(input.ui.pressedButtons.isEmpty)
    }

    @Test func keysHoldButtons() throws {
        let (model, input) = try setUp()
        input.keyDown(.character("u"))
        input.keyDown(.character("u"), isRepeat: true)
        input.keyUp(.character("u"))
        input.keyDown(.character("R"))
        input.keyUp(.character("R"))
        #expect(model.events == [.button("USR", pressed: true), .button("USR", pressed: false),
                                 .button("RST", pressed: true), .button("RST", pressed: false)])
    }

    @Test func mouseAndKeyTogetherReleaseOnce() throws {
        let (model, input) = try setUp()
        let usr = try #require(input.geometry.buttonRect("USR"))
        input.keyDown(.character("u"))
        input.mouseDown(x: usr.midX, y: usr.midY)
        input.keyUp(.character("u"))
        #expect(model.events == [.button("USR", pressed: true)])
        input.mouseUp(x: usr.midX, y: usr.midY)
        #expect(model.events == [.button("USR", pressed: true), .button("USR", pressed: false)])
    }

    @Test func holdUSRThenPressRST() throws {
        // The boot-mode gesture: hold USR, press and release RST, release USR.
        let (model, input) = try setUp()
        let rst = try #require(input.geometry.buttonRect("RST"))
        input.keyDown(.character("u"))
        input.mouseDown(x: rst.midX, y: rst.midY)
        input.mouseUp(x: rst.midX, y: rst.midY)
        input.keyUp(.character("u"))
        #expect(model.events == [.button("USR", pressed: true), .button("RST", pressed: true),
                                 .button("RST", pressed: false), .button("USR", pressed: false)])
    }

    @Test func otherKeys() throws {
        let (model, input) = try setUp()
        input.keyDown(.space)
        input.keyDown(.character("n"))
        input.keyDown(.f5)
        input.keyDown(.character("z"))  // unbound
        #expect(model.events == [.pauseToggle, .step, .reset])
    }

    @Test func quitReleasesHeldButtons() throws {
        let (model, input) = try setUp()
        input.keyDown(.character("u"))
        input.keyDown(.escape)
        #expect(model.events == [.button("USR", pressed: true), .button("USR", pressed: false), .quit])
        #expect(input.quitRequested)
        input.requestQuit()
        #expect(model.events.count == 3)
    }

    @Test func draggingASliderPostsValues() throws {
        let (model, input) = try setUp()
        let track = try #require(input.geometry.sliderTrack("accel.y"))
        input.mouseDown(x: track.x + track.w * 0.75, y: track.midY)
        input.mouseMove(x: track.x + track.w + 500, y: track.midY + 100)  // past the end: clamped
        input.mouseUp(x: 0, y: 0)
        input.mouseMove(x: track.x, y: track.midY)  // released: no more events
        #expect(model.events == [.slider("accel.y", 0.75), .slider("accel.y", 1.5)])
        #expect(input.ui.sliderValues["accel.y"] == 1.5)
        #expect(input.ui.sliderValues["accel.z"] == 1.0)
    }

    @Test func clicksElsewhereDoNothing() throws {
        let (model, input) = try setUp()
        input.mouseDown(x: 1, y: 1)
        input.mouseUp(x: 1, y: 1)
        #expect(model.events.isEmpty)
    }
}
