import SerialLink
import BoardStorage
import Board
import CSupport
import Foundation
import Glibc
import MicroPythonCore

// microboard [--board ID] [--clock realtime|fast|deterministic] [--speed F] [--headless]
//            [--serial stdio|pty|tcp:PORT] [--serial-link PATH] [--screenshot FILE.png --at-ms N]
//            [--press NAME:AT_MS[:HOLD_MS]] [--attach DEVICE@BUS[:ADDR|CS][,k=v]]... [--scenario FILE.json]
//            [--uart N:pty|tcp:PORT|loopback|uart:M] [--analog PIN:VOLTS[@MS]] [--i2c-link N:M]
//            [--flash FILE] [--sd FILE [--sd-size N[K|M|G]]] [--boot-mode standard|safe|reset] [--led-log] [--run FILE]
//
// Runs the emulated board (pyboard-v11 by default; `microboard` alone on a terminal does this):
// the window when a display is there, the REPL on the terminal or on a PTY/TCP link. With --run, FILE runs on the booted board as main.py would, its output
// (and tracebacks: a board has one console) goes to stdout with "\n" line ends, and the process
// exits with the unix port's statuses (0, 1 for an uncaught exception, the SystemExit code).
// --press NAME:AT_MS[:HOLD_MS] presses a board button at a virtual time (default hold 50 ms), for
// deterministic switch tests; RST as NAME resets the board. --attach adds a device model to a
// bus (DeviceCatalog syntax: bme280@i2c2:0x76, spiflash@spi1:X5, ssd1306-spi@spi2:Y5,dc=Y4,res=Y3);
// --scenario reads devices and timed events from JSON (see `loadScenario`).

// --i2c-link N:M wires two I2C buses together (pyboard 1:2 = X9-Y9, X10-Y10): one device model
// set answers on both, so a controller on one unit reaches an I2CTarget on the other.
// --control tcp:PORT opens the control channel (ControlChannel.swift: buttons, reset, pause/resume/
// step, sensors, analog levels, SD card, state) on 127.0.0.1.
// --flash FILE is the internal flash image (default: flash.img in the per-board folder under the
// user's data directory; with --run and no --flash, a fresh formatted image in a temporary folder);
// --sd FILE inserts an SD card image (created and formatted with --sd-size when missing).
// --boot-mode holds USR from power-on for as long as choosing that mode takes (the LEDs cycle as on
// the board). --led-log writes every LED change with its virtual time to stderr (a test hook).

func boardUsageError(_ msg: String) -> Never {
    writeErr("microboard: \(msg)\nusage: microboard --board ID [--clock realtime|fast|deterministic] [--speed F] [--headless] [--run FILE]\n")
    exit(2)
}

func runBoardMode(_ argv: [String]) -> Never {
    var opts = BoardOptions()
    var runFile: String? = nil
    var presses: [(String, Double, Double)] = []
    var fe = FrontEndOptions()
    var controlSpec: String? = nil
    var shotPath: String? = nil
    var shotAt: Int? = nil
    var attachments: [String] = []
    var scenarios: [String] = []
    var wiring = PeripheralOptions()
    var flashPath: String? = nil
    var sdPath: String? = nil
    var sdSize: Int? = nil
    var bootMode: BootMode? = nil
    var i = 1
    while i < argv.count {
        let a = argv[i]
        func value() -> String {
            guard i + 1 < argv.count else { boardUsageError("\(a) needs a value") }
            i += 1
            return argv[i]
        }
        switch a {
        case "--board": opts.boardId = value()
        case "--run": runFile = value()
        case "--flash": flashPath = value()
        case "--sd": sdPath = value()
        case "--sd-size":
            let v = value()
            guard let n = parseImageSize(v) else { boardUsageError("--sd-size needs a size such as 64M (bytes, K, M or G)") }
            sdSize = n
        case "--boot-mode":
            let v = value()
            guard let m = BootMode(name: v) else { boardUsageError("--boot-mode needs standard, safe or reset") }
            bootMode = m
        case "--led-log": opts.ledLog = true
        case "--headless": opts.headless = true; fe.window = false
        case "--serial":
            let v = value()
            guard v == "pty" || v == "stdio" || (v.hasPrefix("tcp:") && UInt16(v.dropFirst(4)) != nil) else {
                boardUsageError("--serial needs stdio, pty or tcp:PORT")
            }
            fe.serial = v
        case "--serial-link": fe.serialLink = value()
        case "--control": controlSpec = value()
        case "--attach": attachments.append(value())
        case "--scenario": scenarios.append(value())
        case "--screenshot": shotPath = value()
        case "--at-ms":
            guard let n = Int(value()), n >= 0 else { boardUsageError("--at-ms needs a number of milliseconds") }
            shotAt = n
        case "--clock":
            let v = value()
            guard let m = ClockMode(rawValue: v) else { boardUsageError("unknown clock mode '\(v)'") }
            opts.clockMode = m
        case "--speed":
            let v = value()
            guard let f = Double(v), f > 0, f.isFinite else { boardUsageError("--speed needs a positive number") }
            opts.speed = f
        case "--press":
            let parts = value().split(separator: ":").map(String.init)
            guard parts.count >= 2, let at = Double(parts[1]), parts.count < 4,
                  let hold = parts.count == 3 ? Double(parts[2]) : 50 else {
                boardUsageError("--press needs NAME:AT_MS[:HOLD_MS]")
            }
            presses.append((parts[0], at, hold))
        case "--uart": wiring.parseUART(value())
        case "--analog": wiring.parseAnalog(value())
        case "--i2c-link": wiring.parseI2CLink(value())
        case "-X":
            if value() == "gcstress" { opts.gcStress = true } else { boardUsageError("unknown -X option") }
        default: boardUsageError("unknown option '\(a)'")
        }
        i += 1
    }
    if let p = shotPath { fe.screenshot = (p, shotAt ?? 0) } else if shotAt != nil { boardUsageError("--at-ms goes with --screenshot") }
    let board: Board
    do { board = try Board(opts) } catch { boardUsageError("\(error)") }
    for a in attachments {
        do { try board.attachDevice(a) } catch { boardUsageError("--attach \(a): \(error)") }
    }
    for path in scenarios {
        do { try loadScenario(path, into: board) } catch { boardUsageError("--scenario \(path): \(error)") }
    }
    wiring.apply(to: board)
    if sdSize != nil && sdPath == nil { boardUsageError("--sd-size goes with --sd FILE") }
    if let m = bootMode { presses.insert(("USR", 0, m.holdMillis), at: 0) }
    var tempFolder: String? = nil
    let flash: String
    if let f = flashPath {
        flash = f
    } else if runFile != nil {
        // a script run gets a fresh board: a formatted image (factory files) nobody else sees
        var template = Array((NSTemporaryDirectory() + "/microboard-XXXXXX").utf8CString)
        guard let dir = mkdtemp(&template) else { boardUsageError("cannot make a temporary folder") }
        tempFolder = String(cString: dir)
        flash = tempFolder! + "/flash.img"
        do { try Storage.factoryReset(flash: flash) } catch { boardUsageError("cannot create \(flash): \(error)") }
    } else {
        flash = Storage.defaultFlashPath(board: opts.boardId)
    }
    if let sd = sdPath, access(sd, F_OK) != 0 {
        guard let size = sdSize else { boardUsageError("no SD image '\(sd)' (give --sd-size to create one)") }
        do { try Storage.openSD(imagePath: sd, createSize: size) } catch { boardUsageError("cannot create \(sd): \(error)") }
    }
    do {
        try BootSequence.install(on: board, flashImage: flash, sdImage: sdPath, sdInserted: sdPath != nil)
    } catch {
        boardUsageError("cannot open the board's images: \(error)")
    }
    for (name, at, hold) in presses {
        if name == "RST" {
            board.schedule(.reset, atMillis: at)
        } else {
            guard board.definition.buttons.contains(where: { $0.name == name }) else { boardUsageError("no button '\(name)' on this board") }
            board.schedule(.button(name, pressed: true), atMillis: at)
            board.schedule(.button(name, pressed: false), atMillis: at + hold)
        }
    }
    terminationSources = quitOnTermination(board)
    if let spec = controlSpec {
        do {
            let control = try ControlChannel(board: board, spec: spec)
            control.start()
            controlChannel = control
            writeErr("microboard: control channel on \(control.port.endpoint)\n")
        } catch {
            boardUsageError("--control \(spec): \(error)")
        }
    }
    if let path = runFile {
        guard let source = readWholeFile(path) else {
            writeErr("microboard: can't open file '\(path)': [Errno 2] No such file or directory\n")
            exit(2)
        }
        Py.stderrWrite = { Py.stdoutWrite($0) }
        mb_install_sigint()
        // --run FILE --screenshot SHOT --at-ms N: the script runs while the window shows it
        let status = fe.screenshot != nil ? runWithFrontEnd(board, fe, .script(path: path, source: source))
            : board.run(.script(path: path, source: source))
        mb_restore_sigint()
        finishImages(tempFolder)
        exit(status)
    }
    mb_install_sigint()
    let status = runInteractiveBoard(board, fe)
    mb_restore_sigint()
    finishImages(tempFolder)
    exit(status)
}

/// SIGTERM and SIGHUP end the board as closing its window does: the running program stops, the
/// soft-reset loop returns and `finishImages` writes the image caches out (the default action
/// would drop whatever the caches still hold).
nonisolated(unsafe) var terminationSources: [DispatchSourceSignal] = []

func quitOnTermination(_ board: Board) -> [DispatchSourceSignal] {
    [SIGTERM, SIGHUP].map { sig in
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
        source.setEventHandler { board.post(.quit) }
        source.resume()
        return source
    }
}

/// Writes the images out and removes a temporary flash folder (exit() skips `defer`).
func finishImages(_ tempFolder: String?) {
    try? Storage.flushAll()
    if let t = tempFolder { removeFolder(t) }
}

func removeFolder(_ path: String) {
    if let d = opendir(path) {
        while let e = readdir(d) {
            let name = String(cString: mb_dirent_name(e))
            if name != "." && name != ".." { unlink(path + "/" + name) }
        }
        closedir(d)
    }
    rmdir(path)
}

/// 64M, 512K, 1G, 1048576: bytes.
func parseImageSize(_ text: String) -> Int? {
    var t = Substring(text)
    var mult = 1
    switch t.last {
    case "K", "k": mult = 1024; t = t.dropLast()
    case "M", "m": mult = 1024 * 1024; t = t.dropLast()
    case "G", "g": mult = 1024 * 1024 * 1024; t = t.dropLast()
    default: break
    }
    guard let n = Int(t), n > 0, n <= (1 << 40) / mult else { return nil }
    return n * mult
}

func readWholeFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
        if n <= 0 { break }
        out += chunk[0..<n]
    }
    return out
}

struct ScenarioError: Error, CustomStringConvertible {
    let description: String
}

/// A scenario file: a device list as DeviceCatalog reads it (a string, an object, or a list),
/// or an object {"devices": [...], "events": [...]} whose events happen at virtual times:
///   {"at_ms": 100, "sensor": "accel.x", "value": 0.5}      set a device's value
///   {"at_ms": 200, "press": "USR", "hold_ms": 50}           press a button (RST resets)
func loadScenario(_ path: String, into board: Board) throws {
    guard let bytes = readWholeFile(path) else { throw ScenarioError(description: "cannot read the file") }
    let data = Data(bytes)
    let root: Any
    do { root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
        throw ScenarioError(description: "invalid JSON: \(error.localizedDescription)")
    }
    guard let o = root as? [String: Any], o["devices"] != nil || o["events"] != nil else {
        for spec in try DeviceCatalog.parseJSON(data) { try board.attachDevice(spec) }
        return
    }
    for key in o.keys where key != "devices" && key != "events" {
        throw ScenarioError(description: "unknown key '\(key)' (expected devices, events)")
    }
    if let d = o["devices"] {
        let devData = try JSONSerialization.data(withJSONObject: d, options: [.fragmentsAllowed])
        for spec in try DeviceCatalog.parseJSON(devData) { try board.attachDevice(spec) }
    }
    guard let events = o["events"] else { return }
    guard let list = events as? [[String: Any]] else { throw ScenarioError(description: "events must be a list of objects") }
    for e in list {
        guard let at = (e["at_ms"] as? NSNumber)?.doubleValue, at >= 0, at.isFinite else {
            throw ScenarioError(description: "event needs a non-negative at_ms: \(e)")
        }
        if let sensor = e["sensor"] as? String {
            guard let dot = sensor.lastIndex(of: "."), let v = (e["value"] as? NSNumber)?.doubleValue else {
                throw ScenarioError(description: "sensor events need \"sensor\": \"DEVICE.SETTING\" and a numeric \"value\": \(e)")
            }
            let device = String(sensor[..<dot]), setting = String(sensor[sensor.index(after: dot)...])
            try board.validateSensor(device, setting, v)
            board.schedule(.setSensor(device, setting, v), atMillis: at)
        } else if let name = e["press"] as? String {
            let hold = (e["hold_ms"] as? NSNumber)?.doubleValue ?? 50
            if name == "RST" {
                board.schedule(.reset, atMillis: at)
            } else {
                guard board.definition.buttons.contains(where: { $0.name == name }) else {
                    throw ScenarioError(description: "no button '\(name)' on this board")
                }
                board.schedule(.button(name, pressed: true), atMillis: at)
                board.schedule(.button(name, pressed: false), atMillis: at + hold)
            }
        } else {
            throw ScenarioError(description: "event needs \"sensor\" or \"press\": \(e)")
        }
    }
}

/// The control channel lives as long as the process.
nonisolated(unsafe) var controlChannel: ControlChannel? = nil
