import BoardWindow
import Foundation
import Testing

@Suite struct LayoutTests {
    @Test func pyboardLayoutDecodes() throws {
        let l = try pyboardLayout()
        #expect(l.board == "pyboard-v11")
        #expect(l.name == "pyboard v1.1")
        #expect(l.widthMM == 33 && l.heightMM == 43)
        #expect(l.scale > 0)
        #expect(Set(l.buttons.map { $0.name }) == ["USR", "RST"])
        #expect(l.buttons.first { $0.name == "USR" }?.key == "u")
        #expect(l.buttons.first { $0.name == "RST" }?.key == "r")
        // The documented layout: USR is the left switch, RST the right one.
        let usr = try #require(l.buttons.first { $0.name == "USR" }), rst = try #require(l.buttons.first { $0.name == "RST" })
        #expect(usr.rect.midX < rst.rect.midX)
    }

    @Test func ledsHaveTheirColoursAndOrder() throws {
        let l = try pyboardLayout()
        #expect(l.leds.map { $0.id }.sorted() == [1, 2, 3, 4])
        func led(_ id: Int) -> BoardLayout.LED { l.leds.first { $0.id == id }! }
        let red = led(1).colour, green = led(2).colour, yellow = led(3).colour, blue = led(4).colour
        #expect(red.r > 200 && red.g < 80 && red.b < 80)
        #expect(green.g > 200 && green.r < 80 && green.b < 100)
        #expect(yellow.r > 200 && yellow.g > 140 && yellow.b < 60)
        #expect(blue.b > 200 && blue.r < 80)
        // "red on the bottom, then green, orange, and blue on the top", near the USB connector.
        #expect(led(1).rect.y > led(2).rect.y && led(2).rect.y > led(3).rect.y && led(3).rect.y > led(4).rect.y)
        let usb = try #require(l.parts.first { $0.kind == "usb" })
        for led in l.leds { #expect(led.rect.y < usb.rect.y + usb.rect.h + 6) }
    }

    @Test func everyHeaderPinOnceAndOnTheBoard() throws {
        let l = try pyboardLayout()
        let names = l.headers.flatMap { $0.pins.map { $0.name } }
        let expected = Set((1...24).map { "X\($0)" } + (1...16).map { "Y\($0)" } + (1...8).map { "P\($0)" })
        #expect(names.count == expected.count)
        #expect(Set(names) == expected)
        for h in l.headers {
            for i in h.pins.indices {
                let x = h.origin.x + Double(i) * h.step.x, y = h.origin.y + Double(i) * h.step.y
                #expect(x > 0.8 && x < l.widthMM - 0.8 && y > 0.8 && y < l.heightMM - 0.8, "pin \(h.pins[i].name) at \(x), \(y)")
            }
        }
        // Header pitch is 0.1 inch.
        for h in l.headers { #expect(abs((h.step.x * h.step.x + h.step.y * h.step.y).squareRoot() - 2.54) < 0.001) }
        // The power pins are labelled as on the board.
        let labels = Dictionary(uniqueKeysWithValues: l.headers.flatMap { $0.pins }.map { ($0.name, $0.text) })
        #expect(labels["X13"] == "RST" && labels["X14"] == "GND" && labels["X15"] == "3V3" && labels["X16"] == "VIN")
        #expect(labels["Y13"] == "RST" && labels["Y16"] == "VIN" && labels["X1"] == "X1")
    }

    @Test func slidersForTheAccelerometer() throws {
        let l = try pyboardLayout()
        let g = WindowGeometry(layout: l)
        #expect(g.allSliders.map { $0.name } == ["accel.x", "accel.y", "accel.z"])
        for s in g.allSliders { #expect(s.min == -1.5 && s.max == 1.5) }
    }

    @Test func encodesAndDecodesToTheSameLayout() throws {
        var l = try pyboardLayout()
        l.panels.append(.display(name: "oled", title: "SSD1306", width: 128, height: 64, pixelScale: 2, colour: Colour(1, 2, 3)))
        let again = try BoardLayout.decode(json: l.encodedJSON())
        #expect(again == l)
    }

    @Test(arguments: [
        (#"{"board": "b", "name": "n", "width_mm": 10, "scale": 10}"#, "height_mm"),
        (#"{"board": "b", "name": "n", "width_mm": 10, "height_mm": 10, "scale": 10, "pcb_colour": "green"}"#, "#rrggbb"),
        (#"{"board": "b", "name": "n", "width_mm": -1, "height_mm": 10, "scale": 10}"#, "out of range"),
        (#"{"board": "b", "name": "n", "width_mm": 10, "height_mm": 10, "scale": 10, "panels": [{"type": "dial", "name": "d"}]}"#, "unknown panel type"),
        (#"{"board": "b", "name": "n", "width_mm": 10, "height_mm": 10, "scale": 10, "panels": [{"type": "sliders", "name": "s", "sliders": [{"name": "a", "label": "A", "min": 1, "max": 0, "value": 0}]}]}"#, "min < max"),
        (#"{"board": "b", "name": "n", "width_mm": 10, "height_mm": 10, "scale": 10, "buttons": [{"name": "A", "key": "ab", "rect": {"x": 0, "y": 0, "w": 1, "h": 1}}]}"#, "one character"),
        (#"{"board": "b", "name": "n", "width_mm": 10, "height_mm": 10, "scale": 10, "panels": [{"type": "oled", "name": "o", "height": 60}]}"#, "multiple of 8"),
        ("[1, 2", "board layout"),
    ])
    func badLayoutsAreClearErrors(json: String, message: String) {
        do {
            _ = try BoardLayout.decode(json: json)
            Issue.record("accepted a bad layout: \(json)")
        } catch {
            #expect(error is LayoutError)
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func pinsReadAsStringsOrObjects() throws {
        let json = #"{"board": "b", "name": "n", "width_mm": 10, "height_mm": 10, "scale": 10, "headers": [{"name": "h", "origin": {"x": 1, "y": 1}, "step": {"x": 2.54, "y": 0}, "label_side": "below", "pins": ["A1", {"name": "A2", "label": "GND"}]}]}"#
        let l = try BoardLayout.decode(json: json)
        #expect(l.headers[0].pins == [BoardLayout.Pin(name: "A1"), BoardLayout.Pin(name: "A2", label: "GND")])
        #expect(l.headers[0].pins.map { $0.text } == ["A1", "GND"])
    }
}
