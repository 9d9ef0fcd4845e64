import Glibc
import SerialLink

// The board lives in its own executable, microboard-board, beside this one: it links SDL2 and
// Foundation, whose loading alone (about 9 ms and 14 MB) would double the host runner's start-up.
// `microboard` decides which one the command line asks for and execs the board, keeping its pid,
// arguments and file descriptors, so scripts and tests see one process.

let boardOptionNames: [String] = ["--board", "--run", "--clock", "--speed", "--headless", "--press", "--serial",
                                     "--serial-link", "--screenshot", "--at-ms", "--attach", "--scenario", "--uart", "--analog",
                                     "--flash", "--sd", "--sd-size", "--boot-mode", "--led-log", "--control", "--i2c-link"]

/// The board runs when a board option comes first, or with no arguments on a terminal unless the
/// executable is called `micropython` (then it is MicroPython's unix port, as run-tests expects).
func boardModeRequested(_ argv: [String]) -> Bool {
    if argv.count > 1 { return boardOptionNames.contains(argv[1]) }
    let name = argv.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
    return name != "micropython" && isatty(0) != 0
}

/// The board executable: beside the real path of this one (symlinks such as `micropython`
/// resolved through /proc/self/exe).
func boardExecutablePath() -> String {
    var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    var dir = "."
    if n > 0 {
        let path = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if let slash = path.lastIndex(of: "/") { dir = String(path[..<slash]) }
    }
    return dir + "/microboard-board"
}

func execBoard(_ argv: [String]) -> Never {
    let path = boardExecutablePath()
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cargs.append(nil)
    execv(path, cargs)
    let reason = String(cString: strerror(errno))
    writeErr("microboard: cannot start the board (\(path): \(reason)); build it with `swift build -c release`\n")
    exit(2)
}
