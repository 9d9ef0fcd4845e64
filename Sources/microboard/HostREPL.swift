import CSupport
import Glibc
import MicroPythonCore
import SerialLink

// The host runner's REPL. On stdio it is the unix port's: the friendly REPL in raw terminal
// mode, Ctrl-D exits. With `--serial pty` / `--serial tcp:PORT` the same REPL runs on a
// pseudo-terminal or a TCP port of 127.0.0.1 and behaves as a board's (Ctrl-D and SystemExit soft
// reset, printing "MPY: soft reboot"), so serial tools such as mpremote can drive it:
//
//     microboard --host --serial pty [--serial-link PATH]   prints /dev/pts/N on its own line
//     microboard --host --serial tcp:PORT                    prints 127.0.0.1:PORT

enum HostREPLOptions {
    nonisolated(unsafe) static var serial: String? = nil
    nonisolated(unsafe) static var serialLink: String? = nil
    nonisolated(unsafe) static var host = false
}

/// Consumes the host-REPL options at args[i] (advancing i); false if args[i] is not one of them.
func takeHostREPLOption(_ args: [String], _ i: inout Int) -> Bool {
    switch args[i] {
    case "--host":
        HostREPLOptions.host = true
        i += 1
    case "--serial", "--serial-link":
        guard i + 1 < args.count else { invalidArgs() }
        let v = args[i + 1]
        if args[i] == "--serial" {
            guard v == "pty" || v == "stdio" || (v.hasPrefix("tcp:") && UInt16(v.dropFirst(4)) != nil) else { invalidArgs() }
            HostREPLOptions.serial = v
        } else {
            HostREPLOptions.serialLink = v
        }
        i += 2
    default:
        return false
    }
    return true
}

/// True when the REPL should run on a PTY or TCP port rather than the terminal.
var hostREPLOnSerialLink: Bool {
    if let s = HostREPLOptions.serial { return s != "stdio" }
    return false
}

/// Runs the REPL (after the runtime is initialised); returns the process exit status.
func runHostREPL() -> Int32 {
    if hostREPLOnSerialLink { return runSerialHostREPL(HostREPLOptions.serial!) }
    let stdio = StdioTransport()
    // the terminal adds "\r" to "\n" itself (ONLCR), as for the unix port
    let console = SerialConsole(port: stdio, cookOutput: false)
    let exit = Interpreter.runRepl(console, boardMode: false)
    stdio.close()
    switch exit {
    case .systemExit(let n): return n
    case .eof, .softReset: return 0
    }
}

private func onTerminate(_ sig: Int32) {
    removeLinks()
    _exit(0)
}

private func runSerialHostREPL(_ spec: String) -> Int32 {
    let port: SerialPort
    do {
        if spec == "pty" {
            port = try PtyTransport(link: HostREPLOptions.serialLink)
        } else {
            port = try TcpTransport(port: UInt16(spec.dropFirst(4))!)
        }
    } catch {
        writeErr("microboard: \(error)\n")
        return 1
    }
    // the serial link is the console now: Ctrl-C in the launching terminal ends the runner
    mb_restore_sigint()
    signal(SIGINT, onTerminate)
    signal(SIGTERM, onTerminate)
    signal(SIGHUP, onTerminate)
    writeOut(port.endpoint + "\n")
    let console = SerialConsole(port: port)
    while true {
        let exit = Interpreter.runRepl(console, boardMode: true)
        if exit != .softReset { break }
        Interpreter.softReset()
        Interpreter.setArgv([""])
        Interpreter.setPath(micropyPath(first: ""))
        console.write(Array("MPY: soft reboot\r\n".utf8))
    }
    port.close()
    return 0
}
