import Board
import Foundation
import SerialLink

// --control tcp:PORT: a line protocol on 127.0.0.1 for scripts and tools that drive the board from
// outside (test rigs, a second terminal): what the window's buttons, keys and sliders do, plus a
// state query. One command a line; each answer is one line ("ok", "error: ...", or JSON for state).
//
//   press NAME | release NAME      hold or let go of a board button (USR); "press RST" resets
//   reset | pause | resume | step | quit
//   sensor DEVICE.SETTING VALUE    e.g. "sensor accel.x 0.5" (g), "sensor bme280.temperature 21.5"
//   analog PIN VOLTS|off           a voltage on a pin for the ADC
//   sd insert | sd remove          the SD card
//   state                          {"time_ms":…, "leds":[…], "paused":…, …}
//   help

final class ControlChannel {
    let port: TcpTransport
    unowned let board: Board

    init(board: Board, spec: String) throws {
        guard spec.hasPrefix("tcp:"), let n = UInt16(spec.dropFirst(4)) else {
            throw ControlError("--control needs tcp:PORT")
        }
        self.board = board
        port = try TcpTransport(port: n)
    }

    struct ControlError: Error, CustomStringConvertible {
        let description: String
        init(_ s: String) { description = s }
    }

    func start() {
        let t = Thread { [self] in serve() }
        t.start()
    }

    private func serve() {
        var line: [UInt8] = []
        while let b = port.readByte(timeout: nil) {
            if b == 10 || b == 13 {
                if !line.isEmpty {
                    let text = String(decoding: line, as: UTF8.self)
                    port.write(Array((answer(text) + "\n").utf8))
                }
                line = []
            } else if line.count < 4096 {
                line.append(b)
            }
        }
    }

    /// Runs one command; the board applies events between opcodes or while idle.
    func answer(_ text: String) -> String {
        let words = text.split(separator: " ").map(String.init)
        guard let cmd = words.first else { return "error: empty command" }
        switch (cmd, words.count) {
        case ("press", 2), ("release", 2):
            let name = words[1]
            if name == "RST" {
                if cmd == "release" { board.post(.reset) }
                return "ok"
            }
            guard board.definition.buttons.contains(where: { $0.name == name }) else { return "error: no button '\(name)'" }
            board.post(.button(name, pressed: cmd == "press"))
            return "ok"
        case ("reset", 1): board.post(.reset); return "ok"
        case ("pause", 1): board.post(.pause); return "ok"
        case ("resume", 1): board.post(.resume); return "ok"
        case ("step", 1): board.post(.step); return "ok"
        case ("quit", 1): board.post(.quit); return "ok"
        case ("sensor", 3):
            guard let dot = words[1].lastIndex(of: "."), let v = Double(words[2]), v.isFinite else {
                return "error: sensor DEVICE.SETTING VALUE"
            }
            board.post(.setSensor(String(words[1][..<dot]), String(words[1][words[1].index(after: dot)...]), v))
            return "ok"
        case ("analog", 3):
            if words[2] == "off" { board.post(.analog(words[1], volts: nil)); return "ok" }
            guard let v = Double(words[2]), v.isFinite else { return "error: analog PIN VOLTS|off" }
            board.post(.analog(words[1], volts: v))
            return "ok"
        case ("sd", 2) where words[1] == "insert" || words[1] == "remove":
            board.post(.sdCard(inserted: words[1] == "insert"))
            return "ok"
        case ("state", 1): return stateJSON()
        case ("help", 1):
            return "commands: press|release NAME, reset, pause, resume, step, quit, sensor DEV.SETTING V, analog PIN V|off, sd insert|remove, state"
        default: return "error: unknown command '\(text)' (try help)"
        }
    }

    private func stateJSON() -> String {
        let s = board.state
        let leds = s.leds.map { String(format: "%.3f", $0) }.joined(separator: ",")
        let pressed = s.pressed.sorted().map { "\"\($0)\"" }.joined(separator: ",")
        let sensors = s.sensors.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
        return "{\"time_ms\":\(Double(s.virtualMicros) / 1000),\"leds\":[\(leds)],\"paused\":\(s.paused)," +
            "\"running\":\(s.running),\"boots\":\(s.boots),\"heap_used\":\(s.heapUsed),\"heap_total\":\(s.heapTotal)," +
            "\"pressed\":[\(pressed)],\"sd\":\(s.sdCardInserted),\"sensors\":{\(sensors)}}"
    }
}
